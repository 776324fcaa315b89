package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.SizeClass;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw rows into network records, checking each field and every reference against the
 * network they will join (a lane's nodes, a coverage row's hub and pincode, a courier). A row with
 * any error is reported with its number and left out; the caller rejects the load if any failed.
 */
public final class NetworkRowParser {

    // India's bounding box, with a margin: catches swapped or zero coordinates.
    private static final double MIN_LAT = 6, MAX_LAT = 38, MIN_LON = 68, MAX_LON = 98;

    private final LogisticsNetwork network;
    private final List<RowError> errors = new ArrayList<>();

    public NetworkRowParser(LogisticsNetwork network) {
        this.network = network;
    }

    public List<RowError> errors() {
        return errors;
    }

    public List<Pincode> pincodes(List<Map<String, String>> rows) {
        List<Pincode> parsed = new ArrayList<>(rows.size());
        forEach(rows, r -> {
            String code = r.pincode("code", "pincode");
            String state = r.text("state");
            double lat = r.coordinate("latitude", MIN_LAT, MAX_LAT);
            double lon = r.coordinate("longitude", MIN_LON, MAX_LON);
            if (r.valid()) {
                parsed.add(new Pincode(code, state, lat, lon));
            }
        });
        return parsed;
    }

    public List<Courier> couriers(List<Map<String, String>> rows) {
        List<Courier> parsed = new ArrayList<>();
        forEach(rows, r -> {
            String code = r.id("code");
            String name = r.text("name");
            if (r.valid()) {
                parsed.add(new Courier(code, name));
            }
        });
        return parsed;
    }

    /** New warehouses get the next free matrix slots; known ones keep theirs. */
    public List<Warehouse> warehouses(List<Map<String, String>> rows) {
        List<Warehouse> parsed = new ArrayList<>();
        Map<String, Integer> newSlots = new HashMap<>();
        int[] nextSlot = {network.slotCount()};
        forEach(rows, r -> {
            String id = r.id("id");
            String name = r.text("name");
            String pincode = r.pincode("pincode");
            int handling = r.hours("handlingHours");
            LocalTime cutoff = r.time("cutoff");
            if (id != null && network.hubs().containsKey(id)) {
                r.reject("id", "'" + id + "' is already a hub id (warehouses and hubs share one id space)");
            }
            if (pincode != null && !network.pincodes().containsKey(pincode)) {
                r.reject("pincode", "unknown pincode " + pincode + " (load pincodes first)");
            }
            if (r.valid()) {
                Warehouse known = network.warehouses().get(id);
                int slot = known != null ? known.slot() : newSlots.computeIfAbsent(id, x -> nextSlot[0]++);
                parsed.add(new Warehouse(id, name, pincode, handling, cutoff, slot));
            }
        });
        return parsed;
    }

    public List<Hub> hubs(List<Map<String, String>> rows) {
        List<Hub> parsed = new ArrayList<>();
        forEach(rows, r -> {
            String id = r.id("id");
            String name = r.text("name");
            String state = r.text("state");
            double lat = r.coordinate("latitude", MIN_LAT, MAX_LAT);
            double lon = r.coordinate("longitude", MIN_LON, MAX_LON);
            if (id != null && network.warehouses().containsKey(id)) {
                r.reject("id", "'" + id + "' is already a warehouse id (warehouses and hubs share one id space)");
            }
            if (r.valid()) {
                parsed.add(new Hub(id, name, state, lat, lon));
            }
        });
        return parsed;
    }

    public List<Lane> lanes(List<Map<String, String>> rows) {
        List<Lane> parsed = new ArrayList<>();
        forEach(rows, r -> {
            String from = r.id("from");
            String to = r.id("to");
            String courier = r.id("courier");
            int hours = r.positiveHours("transitHours");
            SizeClass maxSize = r.sizeClass("maxSize");
            if (from != null && !network.isNode(from)) {
                r.reject("from", "unknown node '" + from + "' (not a warehouse or hub)");
            }
            if (to != null && !network.isNode(to)) {
                r.reject("to", "unknown node '" + to + "' (not a warehouse or hub)");
            }
            if (from != null && from.equals(to)) {
                r.reject("to", "a lane must connect two different nodes");
            }
            checkCourier(r, courier);
            if (r.valid()) {
                parsed.add(new Lane(from, to, courier, hours, maxSize));
            }
        });
        return parsed;
    }

    public List<Coverage> coverage(List<Map<String, String>> rows) {
        List<Coverage> parsed = new ArrayList<>();
        forEach(rows, r -> {
            String hub = r.id("hub");
            String pincode = r.pincode("pincode");
            String courier = r.id("courier");
            int hours = r.positiveHours("transitHours");
            SizeClass maxSize = r.sizeClass("maxSize");
            if (hub != null && !network.hubs().containsKey(hub)) {
                r.reject("hub", "unknown hub '" + hub + "'");
            }
            if (pincode != null && !network.pincodes().containsKey(pincode)) {
                r.reject("pincode", "unknown pincode " + pincode);
            }
            checkCourier(r, courier);
            if (r.valid()) {
                parsed.add(new Coverage(hub, pincode, courier, hours, maxSize));
            }
        });
        return parsed;
    }

    private void checkCourier(RowReader r, String courier) {
        if (courier != null && !network.couriers().containsKey(courier)) {
            r.reject("courier", "unknown courier partner '" + courier + "'");
        }
    }

    private void forEach(List<Map<String, String>> rows, java.util.function.Consumer<RowReader> parse) {
        for (int i = 0; i < rows.size(); i++) {
            parse.accept(new RowReader(i + 1, rows.get(i), errors));
        }
    }
}
