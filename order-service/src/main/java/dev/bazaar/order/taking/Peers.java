package dev.bazaar.order.taking;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.peers.PeerHttp;
import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.starter.problem.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services only order taking asks: user-service, cart-service, serviceability-service and item-service. */
@Configuration(proxyBeanMethods = false)
class Peers {

    @Bean
    ItemCatalog itemCatalog(OrderProperties properties, JsonMapper json) {
        return new ItemCatalog(properties.peers().items(), properties.peers().timeout(), json);
    }

    @Bean
    Addresses addresses(OrderProperties properties, JsonMapper json) {
        return new Addresses(
                new PeerHttp(
                        "users", properties.peers().users(), properties.peers().timeout(), json),
                properties.internalToken());
    }

    @Bean
    CartContents cartContents(OrderProperties properties, JsonMapper json) {
        return new CartContents(new PeerHttp(
                "carts", properties.peers().carts(), properties.peers().timeout(), json));
    }

    @Bean
    DeliveryOptions deliveryOptions(OrderProperties properties, JsonMapper json) {
        return new DeliveryOptions(new PeerHttp(
                "serviceability",
                properties.peers().serviceability(),
                properties.peers().timeout(),
                json));
    }

    /** user-service's internal address reads: where the order ships, hence its pincode. */
    static final class Addresses {

        private final PeerHttp http;
        private final String token;

        Addresses(PeerHttp http, String token) {
            this.http = http;
            this.token = token;
        }

        /** The pincode of the shopper's address {@code addressId}, or of their default address when it is null. */
        String pincodeOf(String userId, String addressId) {
            String user = "/internal/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
            PeerHttp.Answer answer = addressId == null
                    ? http.get(user + "/default-address", "X-Internal-Token", token)
                    : http.get(
                            user + "/addresses/" + URLEncoder.encode(addressId, StandardCharsets.UTF_8),
                            "X-Internal-Token",
                            token);
            if (answer.is(404)) {
                throw addressId == null
                        ? ApiProblem.badRequest(
                                "address-required", "You have no address yet: add one, or name addressId")
                        : ApiProblem.badRequest("address-not-found", "You have no address '" + addressId + "'")
                                .with("addressId", addressId);
            }
            String pincode = answer.body().path("pincode").asString("");
            if (!answer.is(200) || !Pincodes.isValid(pincode)) {
                throw http.unavailable("address answered " + answer.status());
            }
            return pincode;
        }
    }

    /** cart-service's {@code GET /api/cart}, as the shopper (their Authorization header forwarded). */
    static final class CartContents {

        private final PeerHttp http;

        CartContents(PeerHttp http) {
            this.http = http;
        }

        List<Pricing.Wanted> of(String authorization) {
            PeerHttp.Answer answer = http.get("/api/cart", "Authorization", authorization);
            if (!answer.is(200)) {
                throw http.unavailable("cart answered " + answer.status());
            }
            List<Pricing.Wanted> lines = new ArrayList<>();
            answer.body()
                    .path("lines")
                    .forEach(line -> lines.add(new Pricing.Wanted(
                            line.path("itemId").asString(),
                            line.path("quantity").asInt())));
            if (lines.isEmpty()) {
                throw ApiProblem.badRequest("empty-cart", "Your cart is empty: nothing to order");
            }
            return lines;
        }
    }

    /**
     * serviceability-service's batch: per item, the warehouses that hold it and reach the pincode, earliest
     * promise first ({@code candidates}); empty when nothing reaches it. Unlike a cart's ETA, an order needs
     * the answer: a serviceability that cannot give it is a 503, never a guess.
     */
    static final class DeliveryOptions {

        private final PeerHttp http;

        DeliveryOptions(PeerHttp http) {
            this.http = http;
        }

        Map<String, List<String>> candidates(String pincode, List<String> itemIds) {
            PeerHttp.Answer answer =
                    http.post("/api/serviceability/batch", Map.of("pincode", pincode, "itemIds", itemIds));
            Map<String, List<String>> candidates = new LinkedHashMap<>();
            itemIds.forEach(id -> candidates.put(id, List.of()));
            if (answer.is(404)) {
                return candidates; // a pincode serviceability does not know: nothing reaches it
            }
            if (!answer.is(200)) {
                throw http.unavailable("batch answered " + answer.status());
            }
            for (JsonNode item : answer.body().path("items")) {
                candidates.put(item.path("itemId").asString(), warehouses(item));
            }
            return candidates;
        }

        private static List<String> warehouses(JsonNode item) {
            if (!item.path("deliverable").asBoolean(false)) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            item.path("candidates").forEach(id -> ids.add(id.asString()));
            if (ids.isEmpty() && item.hasNonNull("warehouseId")) {
                ids.add(item.get("warehouseId").asString()); // an answer from before candidates existed
            }
            return ids.size() > 10 ? ids.subList(0, 10) : ids;
        }
    }
}
