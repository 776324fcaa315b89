package dev.bazaar.order.peers;

import dev.bazaar.starter.problem.ApiProblem;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * inventory-service's reservations ({@code /internal/inventory/reservations}, {@code X-Internal-Token}).
 * A reservation's own status (RESERVED -> CONFIRMED | RELEASED, a compare-and-set in inventory-service)
 * decides who wins when a capture and a cancellation of one order race: whichever of confirm and release
 * lands first; the other is answered 409 and its caller follows the winner.
 */
public class Inventory {

    /** One line to reserve: the warehouses to try, the one serviceability promises first. */
    public record Line(String itemId, int quantity, List<String> warehouseIds) {}

    /** What a reserve did: the warehouse per item, or the items short of stock. */
    public record Reserved(Map<String, String> warehouseByItem, List<String> shortItems) {

        public boolean succeeded() {
            return shortItems.isEmpty();
        }
    }

    /** The outcome of a confirm or a release. */
    public enum Settled {
        /** done now or before */
        DONE,
        /** the other one happened first (a confirm after a release, or the reverse) */
        LOST_TO_OTHER,
        /** inventory-service has no reservation for the order */
        UNKNOWN
    }

    private static final String TOKEN = "X-Internal-Token";
    private static final String RESERVATIONS = "/internal/inventory/reservations";

    private final PeerHttp http;
    private final String token;

    public Inventory(PeerHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    public Reserved reserve(String orderId, List<Line> lines, Duration ttl) {
        PeerHttp.Answer answer = http.post(
                RESERVATIONS, Map.of("orderId", orderId, "lines", lines, "ttl", ttl.toString()), TOKEN, token);
        if (answer.is(201) || answer.is(200)) {
            Map<String, String> warehouses = new HashMap<>();
            answer.body()
                    .path("lines")
                    .forEach(line -> warehouses.put(
                            line.path("itemId").asString(),
                            line.path("warehouseId").asString()));
            return new Reserved(warehouses, List.of());
        }
        if (answer.is(409) && "insufficient-stock".equals(answer.problemType())) {
            List<String> short_ = answer.body()
                    .path("lines")
                    .valueStream()
                    .map(line -> line.path("itemId").asString())
                    .toList();
            return new Reserved(Map.of(), short_.isEmpty() ? List.of("?") : short_);
        }
        throw http.unavailable("reserve answered " + answer.status() + ": " + answer.body());
    }

    public Settled confirm(String orderId) {
        return settle(orderId, "confirm");
    }

    public Settled release(String orderId) {
        return settle(orderId, "release");
    }

    /**
     * Puts what a paid order bought back on hand (a cancellation after payment, a return): DONE now or before
     * (idempotent per order); LOST_TO_OTHER when the reservation was never confirmed (nothing sold to put
     * back); UNKNOWN when inventory-service has none.
     */
    public Settled restock(String orderId) {
        return settle(orderId, "restock");
    }

    private Settled settle(String orderId, String action) {
        PeerHttp.Answer answer = http.post(RESERVATIONS + "/" + orderId + "/" + action, Map.of(), TOKEN, token);
        if (answer.is(200)) {
            return Settled.DONE;
        }
        if (answer.is(404)) {
            return Settled.UNKNOWN;
        }
        if (answer.is(409)) {
            return Settled.LOST_TO_OTHER;
        }
        throw unexpected(action, answer);
    }

    private ApiProblem unexpected(String action, PeerHttp.Answer answer) {
        return http.unavailable(action + " answered " + answer.status() + ": " + answer.body());
    }
}
