package dev.bazaar.serviceability.tat;

import static dev.bazaar.serviceability.tat.TestNetworks.lane;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Coverage;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.Warehouse;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TatMatrixTests {

    final LogisticsNetwork network = TestNetworks.small();
    final TatMatrix matrix = TatMatrix.compute(network).matrix();

    @Test
    void smallParcelsTakeTheShortestPathThroughTheMediumLane() {
        // W1 → A → C → B → 110001 = 2 + 4 + 4 + 3 = 13, shorter than W1 → A → B = 2 + 10 + 3 = 15.
        assertThat(matrix.hours("W1", "110001", SizeClass.SMALL)).isEqualTo(13);
        assertThat(matrix.hours("W1", "110001", SizeClass.MEDIUM)).isEqualTo(13);
    }

    @Test
    void largerParcelsAvoidTheLaneThatRefusesThem() {
        assertThat(matrix.hours("W1", "110001", SizeClass.LARGE)).isEqualTo(15);
        assertThat(matrix.hours("W1", "110001", SizeClass.BULKY)).isEqualTo(15);
    }

    @Test
    void lastMileSizeLimitMakesBulkyUnreachable() {
        assertThat(matrix.hours("W2", "560001", SizeClass.LARGE)).isEqualTo(6);
        assertThat(matrix.hours("W2", "560001", SizeClass.BULKY)).isEqualTo(TatEntry.UNREACHABLE);
        // W1 reaches C only over the MEDIUM lane.
        assertThat(matrix.hours("W1", "560001", SizeClass.MEDIUM)).isEqualTo(11);
        assertThat(matrix.hours("W1", "560001", SizeClass.LARGE)).isEqualTo(TatEntry.UNREACHABLE);
    }

    @Test
    void aPincodeWithoutCoverageIsUnreachableFromEveryWarehouse() {
        for (SizeClass size : SizeClass.values()) {
            assertThat(matrix.hours("W1", "999999", size)).isEqualTo(TatEntry.UNREACHABLE);
            assertThat(matrix.hours("W2", "999999", size)).isEqualTo(TatEntry.UNREACHABLE);
        }
        assertThat(matrix.row("999999")).hasSize(2 * 4 * 2);
    }

    @Test
    void directedLanesAreNotUsedBackwards() {
        // Nothing leads from C back to A, so W2 cannot use A → B.
        assertThat(matrix.hours("W2", "110001", SizeClass.BULKY)).isEqualTo(1 + 4 + 3);
    }

    @Test
    void aSlowerLaneRecomputesOnlyTheWarehousesWhoseTreesUseIt() {
        // A → C is used only by W1's trees (W2 starts after it).
        Lane slower = lane("A", "C", 20, SizeClass.MEDIUM);
        TatUpdate update =
                matrix.update(network.merge(List.of(), List.of(), List.of(), List.of(), List.of(slower), List.of()));

        assertThat(update.warehousesRecomputed()).containsExactly("W1");
        assertThat(update.matrix().hours("W1", "110001", SizeClass.SMALL)).isEqualTo(15);
        assertThat(update.matrix().hours("W1", "560001", SizeClass.SMALL)).isEqualTo(2 + 20 + 5);
        assertThat(update.changedRows()).containsExactlyInAnyOrder("110001", "560001");
        assertThat(update.matrix().hours("W2", "110001", SizeClass.SMALL)).isEqualTo(8);
    }

    @Test
    void aLaneThatHelpsNobodyRecomputesNothing() {
        // B → C (1 h, SMALL only): every warehouse already reaches C sooner than through B.
        Lane useless = lane("B", "C", 1, SizeClass.SMALL);
        TatUpdate update =
                matrix.update(network.merge(List.of(), List.of(), List.of(), List.of(), List.of(useless), List.of()));

        assertThat(update.warehousesRecomputed()).isEmpty();
        assertThat(update.changedRows()).isEmpty();
    }

    @Test
    void aShortcutIsFoundIncrementallyAndMatchesAFullRecomputation() {
        Lane shortcut = lane("W2", "B", 1, SizeClass.BULKY);
        LogisticsNetwork next = network.merge(List.of(), List.of(), List.of(), List.of(), List.of(shortcut), List.of());
        TatUpdate update = matrix.update(next);

        assertThat(update.warehousesRecomputed()).containsExactly("W2");
        assertThat(update.matrix().hours("W2", "110001", SizeClass.BULKY)).isEqualTo(4);
        assertSameRows(update.matrix(), TatMatrix.compute(next).matrix());
    }

    @Test
    void removingALaneOnTheTreeReroutes() {
        LogisticsNetwork next = network.withoutLane(new Lane.LaneKey("C", "B", "X"));
        TatUpdate update = matrix.update(next);

        assertThat(update.matrix().hours("W1", "110001", SizeClass.SMALL)).isEqualTo(15);
        assertThat(update.matrix().hours("W2", "110001", SizeClass.SMALL)).isEqualTo(TatEntry.UNREACHABLE);
        assertSameRows(update.matrix(), TatMatrix.compute(next).matrix());
    }

    @Test
    void newCoverageRewritesOnlyThatPincode() {
        Coverage coverage = new Coverage("A", "999999", "X", 7, SizeClass.BULKY);
        TatUpdate update =
                matrix.update(network.merge(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(coverage)));

        assertThat(update.warehousesRecomputed()).isEmpty();
        assertThat(update.pincodesRecomputed()).isEqualTo(1);
        assertThat(update.changedRows()).containsExactly("999999");
        assertThat(update.matrix().hours("W1", "999999", SizeClass.BULKY)).isEqualTo(9);
    }

    @Test
    void aNewWarehouseGetsItsOwnColumnAndLeavesTheOthersAlone() {
        Warehouse w3 = new Warehouse("W3", "three", "110001", 2, LocalTime.NOON, 2);
        LogisticsNetwork next = network.merge(
                List.of(), List.of(w3), List.of(), List.of(), List.of(lane("W3", "B", 2, SizeClass.BULKY)), List.of());
        TatUpdate update = matrix.update(next);

        assertThat(update.warehousesRecomputed()).containsExactly("W3");
        assertThat(update.matrix().hours("W3", "110001", SizeClass.BULKY)).isEqualTo(5);
        assertThat(update.matrix().hours("W1", "110001", SizeClass.SMALL)).isEqualTo(13);
        assertThat(update.matrix().row("110001")).hasSize(3 * 4 * 2);
    }

    private static void assertSameRows(TatMatrix incremental, TatMatrix full) {
        assertThat(incremental.rows().keySet()).isEqualTo(full.rows().keySet());
        full.rows()
                .forEach((pincode, row) ->
                        assertThat(incremental.row(pincode)).as(pincode).isEqualTo(row));
    }
}
