package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.SizeClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A rule for last-mile coverage when none was supplied: each pincode is served by its nearest hubs
 * within {@code maxKm} (at most two, so one lane outage is not an outage of the pincode). Vans make
 * about 25 km/h door to door after a 6-hour sort; beyond 100 km the last mile takes no BULKY parcels.
 * Pincodes with no hub in reach stay unserviceable, as remote islands really are.
 */
public final class NearestHubCoverage {

    static final int HUBS_PER_PINCODE = 2;
    static final double BULKY_RADIUS_KM = 100;

    public static List<Coverage> forUncovered(LogisticsNetwork network, double maxKm, Function<Hub, String> courierOf) {
        List<Hub> hubs = List.copyOf(network.hubs().values());
        List<Coverage> coverage = new ArrayList<>();
        for (Pincode pincode : network.pincodes().values()) {
            if (!network.coverageOf(pincode.code()).isEmpty()) {
                continue;
            }
            hubs.stream()
                    .map(hub -> new Candidate(
                            hub,
                            GreatCircle.km(hub.latitude(), hub.longitude(), pincode.latitude(), pincode.longitude())))
                    .filter(c -> c.km() <= maxKm)
                    .sorted(Comparator.comparingDouble(Candidate::km))
                    .limit(HUBS_PER_PINCODE)
                    .forEach(c -> coverage.add(new Coverage(
                            c.hub().id(),
                            pincode.code(),
                            courierOf.apply(c.hub()),
                            6 + (int) Math.ceil(c.km() / 25),
                            c.km() <= BULKY_RADIUS_KM ? SizeClass.BULKY : SizeClass.LARGE)));
        }
        return coverage;
    }

    private record Candidate(Hub hub, double km) {}

    private NearestHubCoverage() {}
}
