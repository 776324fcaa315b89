package dev.bazaar.serviceability.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.tat.TatEntry;
import dev.bazaar.serviceability.tat.TatMatrix;
import org.junit.jupiter.api.Test;

class DemoNetworkTests {

    final LogisticsNetwork network = DemoNetwork.generate(DemoNetwork.DEFAULT_SEED);
    final TatMatrix matrix = TatMatrix.compute(network).matrix();

    @Test
    void isDeterministicForASeed() {
        LogisticsNetwork again = DemoNetwork.generate(DemoNetwork.DEFAULT_SEED);
        assertThat(again.pincodes()).isEqualTo(network.pincodes());
        assertThat(again.lanes()).isEqualTo(network.lanes());
        assertThat(again.coverage()).isEqualTo(network.coverage());
        assertThat(again.warehouses()).isEqualTo(network.warehouses());
    }

    @Test
    void hasTwentyWarehousesHundredsOfPincodesAndLanesThatRefuseBulky() {
        assertThat(network.warehouses()).hasSize(20);
        assertThat(network.pincodes().size()).isBetween(300, 1000);
        assertThat(network.lanes().values())
                .anyMatch(l -> l.maxSize() != SizeClass.BULKY && l.courier().equals("GARUDA"));
        assertThat(network.lanes().values())
                .anyMatch(l -> l.maxSize() != SizeClass.BULKY && l.courier().equals("SADAK"));
        assertThat(network.lanes().values()).allMatch(l -> l.transitHours() > 0);
    }

    @Test
    void remotePincodesAreUnreachableAndCityPincodesAreReachedFromTheirOwnWarehouseFastest() {
        for (String remote : new String[] {"744101", "682555", "194101"}) {
            for (String warehouse : network.warehouses().keySet()) {
                assertThat(matrix.hours(warehouse, remote, SizeClass.SMALL)).isEqualTo(TatEntry.UNREACHABLE);
            }
        }
        int local = matrix.hours("WH-DEL", "110001", SizeClass.SMALL);
        int far = matrix.hours("WH-MAA", "110001", SizeClass.SMALL);
        assertThat(local).isLessThan(24);
        assertThat(far).isGreaterThan(local).isLessThan(TatEntry.UNREACHABLE);
    }

    @Test
    void bulkyParcelsTakeLongerOverLongDistancesBecauseTheyCannotFly() {
        int small = matrix.hours("WH-DEL", "600001", SizeClass.SMALL);
        int bulky = matrix.hours("WH-DEL", "600001", SizeClass.BULKY);
        assertThat(bulky).isGreaterThan(small).isLessThan(TatEntry.UNREACHABLE);
        Lane air = network.lanes().get(new Lane.LaneKey("HUB-DEL", "HUB-MAA", "GARUDA"));
        assertThat(air).isNotNull();
        assertThat(air.carries(SizeClass.BULKY)).isFalse();
    }
}
