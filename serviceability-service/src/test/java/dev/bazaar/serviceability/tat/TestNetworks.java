package dev.bazaar.serviceability.tat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Courier;
import dev.bazaar.serviceability.network.Coverage;
import dev.bazaar.serviceability.network.Hub;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.Pincode;
import dev.bazaar.serviceability.network.Warehouse;
import java.time.LocalTime;
import java.util.List;

/**
 * A small network with known answers:
 * <pre>
 *   W1 -2h-> A -10h-> B -3h-> 110001 (last mile)
 *            A -4h--> C -4h-> B           (A→C carries only up to MEDIUM)
 *   W2 -1h-> C                             C -5h-> 560001 (last mile, up to LARGE)
 *   999999: no coverage at all
 * </pre>
 */
final class TestNetworks {

    static LogisticsNetwork small() {
        return new LogisticsNetwork(
                List.of(pin("110001"), pin("560001"), pin("999999")),
                List.of(
                        new Warehouse("W1", "one", "110001", 4, LocalTime.of(14, 0), 0),
                        new Warehouse("W2", "two", "560001", 6, LocalTime.of(18, 0), 1)),
                List.of(hub("A"), hub("B"), hub("C")),
                List.of(new Courier("X", "x")),
                List.of(
                        lane("W1", "A", 2, SizeClass.BULKY),
                        lane("A", "B", 10, SizeClass.BULKY),
                        lane("A", "C", 4, SizeClass.MEDIUM),
                        lane("C", "B", 4, SizeClass.BULKY),
                        lane("W2", "C", 1, SizeClass.BULKY)),
                List.of(
                        new Coverage("B", "110001", "X", 3, SizeClass.BULKY),
                        new Coverage("C", "560001", "X", 5, SizeClass.LARGE)));
    }

    static Pincode pin(String code) {
        return new Pincode(code, "S", 20, 78);
    }

    static Hub hub(String id) {
        return new Hub(id, id, "S", 20, 78);
    }

    static Lane lane(String from, String to, int hours, SizeClass max) {
        return new Lane(from, to, "X", hours, max);
    }

    private TestNetworks() {}
}
