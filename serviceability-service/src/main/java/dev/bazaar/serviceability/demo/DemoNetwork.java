package dev.bazaar.serviceability.demo;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Courier;
import dev.bazaar.serviceability.network.Coverage;
import dev.bazaar.serviceability.network.GreatCircle;
import dev.bazaar.serviceability.network.Hub;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.NearestHubCoverage;
import dev.bazaar.serviceability.network.Pincode;
import dev.bazaar.serviceability.network.Warehouse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bazaar's own demo logistics network, generated from a seed so every run builds the same one: a
 * hub in each state (more in big states), 20 warehouses in large cities, road lanes between
 * neighbouring hubs at truck speeds, air lanes between metros that refuse BULKY parcels, hill and
 * north-eastern lanes that refuse BULKY too, and nearest-hub last-mile coverage. Pincodes around
 * the hub cities are generated as well, plus remote ones (islands, Ladakh) that nothing reaches, so
 * a fresh clone works without any data file; the real pincode file loads on top through the API.
 */
public final class DemoNetwork {

    public static final long DEFAULT_SEED = 4_2024L;
    public static final double COVERAGE_KM = 220;

    /** name, state, latitude, longitude, first three pincode digits, warehouse pincode ("" = hub only), hill/NE. */
    private record City(
            String code,
            String name,
            String state,
            double lat,
            double lon,
            String prefix,
            String warehousePincode,
            boolean hilly) {}

    private static final List<City> CITIES = List.of(
            new City("DEL", "Delhi", "New Delhi", 28.628, 77.218, "110", "110001", false),
            new City("BOM", "Mumbai", "Maharashtra", 18.911, 72.819, "400", "400001", false),
            new City("BLR", "Bengaluru", "Karnataka", 12.976, 77.602, "560", "560001", false),
            new City("MAA", "Chennai", "Tamil Nadu", 13.080, 80.266, "600", "600001", false),
            new City("CCU", "Kolkata", "West Bengal", 22.555, 88.353, "700", "700001", false),
            new City("HYD", "Hyderabad", "Andhra Pradesh", 17.399, 78.472, "500", "500001", false),
            new City("PNQ", "Pune", "Maharashtra", 18.602, 74.023, "411", "411006", false),
            new City("AMD", "Ahmedabad", "Gujarat", 23.017, 72.596, "380", "380001", false),
            new City("JAI", "Jaipur", "Rajasthan", 26.921, 75.792, "302", "302001", false),
            new City("LKO", "Lucknow", "Uttar Pradesh", 26.865, 80.903, "226", "226001", false),
            new City("PAT", "Patna", "Bihar", 25.603, 85.160, "800", "800001", false),
            new City("BBI", "Bhubaneswar", "Orisa", 20.290, 85.820, "751", "751001", false),
            new City("GAU", "Guwahati", "Assam", 26.179, 91.748, "781", "781001", false),
            new City("CJB", "Coimbatore", "Tamil Nadu", 10.990, 76.980, "641", "641001", false),
            new City("IDR", "Indore", "Madhya Pradesh", 22.714, 75.903, "452", "452001", false),
            new City("NAG", "Nagpur", "Maharashtra", 21.154, 79.077, "440", "440001", false),
            new City("IXC", "Chandigarh", "Chandigarh", 30.733, 76.474, "160", "160017", false),
            new City("VTZ", "Visakhapatnam", "Andhra Pradesh", 17.744, 83.316, "530", "530001", false),
            new City("STV", "Surat", "Gujarat", 21.203, 72.833, "395", "395003", false),
            new City("BHO", "Bhopal", "Madhya Pradesh", 23.228, 77.403, "462", "462003", false),
            new City("COK", "Kochi", "Kerala", 9.967, 76.280, "682", "", false),
            new City("TRV", "Thiruvananthapuram", "Kerala", 8.505, 76.950, "695", "", false),
            new City("IXM", "Madurai", "Tamil Nadu", 9.925, 78.120, "625", "", false),
            new City("UBL", "Hubballi", "Karnataka", 15.364, 75.124, "580", "", false),
            new City("VGA", "Vijayawada", "Andhra Pradesh", 16.506, 80.648, "520", "", false),
            new City("GOI", "Panaji", "Goa", 15.497, 73.822, "403", "", false),
            new City("RPR", "Raipur", "Chattisgarh", 21.244, 81.650, "492", "", false),
            new City("IXR", "Ranchi", "Jharkhand", 23.352, 85.343, "834", "", false),
            new City("VNS", "Varanasi", "Uttar Pradesh", 25.318, 82.974, "221", "", false),
            new City("JDH", "Jodhpur", "Rajasthan", 26.238, 73.024, "342", "", false),
            new City("RAJ", "Rajkot", "Gujarat", 22.303, 70.802, "360", "", false),
            new City("LUH", "Ludhiana", "Punjab", 30.903, 75.829, "141", "", false),
            new City("IXJ", "Jammu", "Jammu and Kashmir", 32.724, 74.862, "180", "", true),
            new City("SLV", "Shimla", "Himachal Pradesh", 31.102, 77.175, "171", "", true),
            new City("DED", "Dehradun", "Uttaranchal", 30.270, 78.044, "248", "", true),
            new City("SHL", "Shillong", "Meghalaya", 25.579, 91.890, "793", "", true),
            new City("IXA", "Agartala", "Tripura", 23.831, 91.287, "799", "", true),
            new City("IMF", "Imphal", "Manipur", 24.817, 93.937, "795", "", true),
            new City("AJL", "Aizawl", "Mizoram", 23.727, 92.718, "796", "", true),
            new City("GTK", "Gangtok", "Sikkim", 27.330, 88.612, "737", "", true));

    /** Places nothing reaches: no hub within the coverage radius. */
    private static final List<Pincode> REMOTE = List.of(
            new Pincode("744101", "Andaman and Nicobar", 11.664, 92.742),
            new Pincode("744301", "Andaman and Nicobar", 9.152, 92.819),
            new Pincode("682555", "Lakshadweep", 10.563, 72.637),
            new Pincode("194101", "Jammu and Kashmir", 34.195, 77.513),
            new Pincode("194103", "Jammu and Kashmir", 34.557, 76.126));

    static final Set<String> METROS = Set.of("DEL", "BOM", "BLR", "MAA", "CCU", "HYD", "GAU");

    public static final Courier ROAD = new Courier("SADAK", "Sadak Freight (road line-haul)");
    public static final Courier AIR = new Courier("GARUDA", "Garuda Air Cargo");
    public static final Courier LAST_MILE = new Courier("GALI", "Gali Last Mile");
    public static final Courier HILL_LAST_MILE =
            new Courier("PAHADI", "Pahadi Couriers (hill and north-east last mile)");

    private DemoNetwork() {}

    public static String hubId(String cityCode) {
        return "HUB-" + cityCode;
    }

    public static String warehouseId(String cityCode) {
        return "WH-" + cityCode;
    }

    /** About 16 pincodes around each hub city (urban and rural), plus the remote ones. */
    public static List<Pincode> pincodes(long seed) {
        Random random = new Random(seed);
        Map<String, Pincode> pincodes = new LinkedHashMap<>();
        for (City city : CITIES) {
            String anchor = city.warehousePincode().isEmpty() ? city.prefix() + "001" : city.warehousePincode();
            pincodes.put(anchor, new Pincode(anchor, city.state(), city.lat(), city.lon()));
            for (int i = 0; i < 16; i++) {
                boolean rural = i >= 10;
                double radius = rural ? 0.6 + random.nextDouble() * 1.2 : random.nextDouble() * 0.25;
                double angle = random.nextDouble() * 2 * Math.PI;
                String code;
                do {
                    code = city.prefix() + String.format("%03d", 2 + random.nextInt(990));
                } while (pincodes.containsKey(code));
                pincodes.put(
                        code,
                        new Pincode(
                                code,
                                city.state(),
                                round(city.lat() + radius * Math.sin(angle)),
                                round(city.lon() + radius * Math.cos(angle))));
            }
        }
        REMOTE.forEach(p -> pincodes.put(p.code(), p));
        return List.copyOf(pincodes.values());
    }

    /** The demo network over the demo pincodes. */
    public static LogisticsNetwork generate(long seed) {
        return generate(seed, pincodes(seed));
    }

    /**
     * The demo network over any pincode set (the benchmark uses the real 7,113-pincode file);
     * warehouse pincodes missing from the set are added from the city table.
     */
    public static LogisticsNetwork generate(long seed, Collection<Pincode> pincodeSet) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Map<String, Pincode> pincodes = new LinkedHashMap<>();
        pincodeSet.forEach(p -> pincodes.put(p.code(), p));
        List<Hub> hubs = new ArrayList<>();
        List<Warehouse> warehouses = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        for (City city : CITIES) {
            hubs.add(new Hub(hubId(city.code()), city.name() + " hub", city.state(), city.lat(), city.lon()));
            if (!city.warehousePincode().isEmpty()) {
                pincodes.putIfAbsent(
                        city.warehousePincode(),
                        new Pincode(city.warehousePincode(), city.state(), city.lat(), city.lon()));
                LocalTime cutoff = LocalTime.of(12 + random.nextInt(7), 0);
                int handling = 4 + 2 * random.nextInt(5);
                warehouses.add(new Warehouse(
                        warehouseId(city.code()),
                        city.name() + " fulfilment centre",
                        city.warehousePincode(),
                        handling,
                        cutoff,
                        warehouses.size()));
                lanes.add(new Lane(warehouseId(city.code()), hubId(city.code()), ROAD.code(), 2, SizeClass.BULKY));
            }
        }
        lanes.addAll(roadLanes());
        lanes.addAll(airLanes());
        LogisticsNetwork withoutCoverage = new LogisticsNetwork(
                pincodes.values(), warehouses, hubs, List.of(ROAD, AIR, LAST_MILE, HILL_LAST_MILE), lanes, List.of());
        List<Coverage> coverage = NearestHubCoverage.forUncovered(
                withoutCoverage, COVERAGE_KM, hub -> isHilly(hub.id()) ? HILL_LAST_MILE.code() : LAST_MILE.code());
        return withoutCoverage.merge(List.of(), List.of(), List.of(), List.of(), List.of(), coverage);
    }

    /**
     * Each hub to its four nearest hubs, both ways. Trucks average 40 km/h over roads 1.35 times the
     * great-circle distance, plus 4 hours at the sort centre; hill and north-eastern lanes take no BULKY.
     */
    private static List<Lane> roadLanes() {
        Set<String> seen = new HashSet<>();
        List<Lane> lanes = new ArrayList<>();
        for (City city : CITIES) {
            CITIES.stream()
                    .filter(other -> other != city)
                    .sorted(Comparator.comparingDouble(other -> km(city, other)))
                    .limit(4)
                    .forEach(other -> {
                        if (seen.add(city.code() + ">" + other.code())) {
                            int hours = 4 + (int) Math.ceil(km(city, other) * 1.35 / 40);
                            SizeClass max = city.hilly() || other.hilly() ? SizeClass.LARGE : SizeClass.BULKY;
                            lanes.add(new Lane(hubId(city.code()), hubId(other.code()), ROAD.code(), hours, max));
                            if (seen.add(other.code() + ">" + city.code())) {
                                lanes.add(new Lane(hubId(other.code()), hubId(city.code()), ROAD.code(), hours, max));
                            }
                        }
                    });
        }
        return lanes;
    }

    /** Metro to metro beyond 900 km by air: 12 hours of ground handling plus ~750 km/h; no BULKY. */
    private static List<Lane> airLanes() {
        List<Lane> lanes = new ArrayList<>();
        for (City from : CITIES) {
            for (City to : CITIES) {
                if (from != to && METROS.contains(from.code()) && METROS.contains(to.code()) && km(from, to) > 900) {
                    int hours = 12 + (int) Math.ceil(km(from, to) / 750);
                    lanes.add(new Lane(hubId(from.code()), hubId(to.code()), AIR.code(), hours, SizeClass.LARGE));
                }
            }
        }
        return lanes;
    }

    private static boolean isHilly(String hubId) {
        return CITIES.stream().anyMatch(c -> c.hilly() && hubId(c.code()).equals(hubId));
    }

    private static double km(City a, City b) {
        return GreatCircle.km(a.lat(), a.lon(), b.lat(), b.lon());
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
