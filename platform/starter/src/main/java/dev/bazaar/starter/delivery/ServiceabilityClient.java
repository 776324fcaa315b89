package dev.bazaar.starter.delivery;

import dev.bazaar.contracts.catalog.ItemIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * serviceability-service's {@code POST /api/serviceability/batch} (one call for a page of search
 * results, or for a cart's lines), bounded by a hard time budget: the caller waits for the answer at
 * most until its deadline, then goes on with every item UNKNOWN. A slow, hung or dead serviceability
 * therefore costs a request at most the budget, never an error. Outcomes are counted in the meter the
 * caller names, tagged {@code outcome}.
 */
public class ServiceabilityClient {

    /**
     * A service's {@code serviceability} settings.
     *
     * @param url serviceability-service ({@code BAZAAR_SERVICEABILITY_URL})
     * @param budget the hard limit on the serviceability calls of one request: each service states its
     *     own (search's is per search, the cart's per read)
     */
    public record Settings(URI url, Duration budget) {}

    private static final PeerFailureLog failures =
            new PeerFailureLog(LoggerFactory.getLogger(ServiceabilityClient.class));
    public static final int MAX_BATCH = 100;

    private final URI batchUri;
    private final Duration budget;
    private final HttpClient http;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String meterName;

    /**
     * @param meterName the outcome counter, e.g. {@code bazaar.search.serviceability}
     */
    public ServiceabilityClient(Settings settings, JsonMapper json, MeterRegistry meters, String meterName) {
        this.batchUri = settings.url().resolve("/api/serviceability/batch");
        this.budget = settings.budget();
        this.json = json;
        this.meters = meters;
        this.meterName = meterName;
        Duration connect = settings.budget().multipliedBy(2);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
        // Register the outcomes up front, so dashboards show zeros rather than gaps.
        for (DeliveryCheck.Outcome outcome : DeliveryCheck.Outcome.values()) {
            counter(outcome);
        }
    }

    /** {@link #check(String, List, long)} with the settings' budget from now. */
    public DeliveryCheck check(String pincode, List<String> itemIds) {
        return check(pincode, itemIds, System.nanoTime() + budget.toNanos());
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which the answer must be in
     */
    public DeliveryCheck check(String pincode, List<String> itemIds, long deadlineNanos) {
        // Serviceability takes valid item ids only; any other id would fail the whole batch.
        List<String> asked = itemIds.stream()
                .filter(ItemIds::isValid)
                .distinct()
                .limit(MAX_BATCH)
                .toList();
        if (asked.isEmpty()) {
            return new DeliveryCheck(DeliveryCheck.Outcome.OK, Map.of());
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return unknown(DeliveryCheck.Outcome.TIMEOUT);
        }
        byte[] body = json.writeValueAsBytes(Map.of("pincode", pincode, "itemIds", asked));
        HttpRequest request = HttpRequest.newBuilder(batchUri)
                .timeout(Duration.ofNanos(remaining))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = call.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return unknown(DeliveryCheck.Outcome.TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return unknown(DeliveryCheck.Outcome.TIMEOUT);
        } catch (ExecutionException e) {
            boolean timedOut = e.getCause() instanceof java.net.http.HttpTimeoutException;
            failures.failed("serviceability call failed: {}", e.getCause().toString());
            return unknown(timedOut ? DeliveryCheck.Outcome.TIMEOUT : DeliveryCheck.Outcome.DOWN);
        }
        if (response.statusCode() == 404) {
            return unknown(DeliveryCheck.Outcome.UNKNOWN_PINCODE);
        }
        if (response.statusCode() != 200) {
            failures.failed("serviceability answered {} for a batch", response.statusCode());
            return unknown(DeliveryCheck.Outcome.DOWN);
        }
        try {
            return answer(json.readTree(response.body()));
        } catch (RuntimeException e) {
            failures.failed("unreadable serviceability answer: {}", e.toString());
            return unknown(DeliveryCheck.Outcome.DOWN);
        }
    }

    private DeliveryCheck answer(JsonNode body) {
        Map<String, Delivery> deliveries = new HashMap<>();
        for (JsonNode item : body.path("items")) {
            String itemId = item.path("itemId").asString();
            if (item.path("deliverable").asBoolean(false)) {
                Integer eta = item.hasNonNull("etaHours") ? item.get("etaHours").asInt() : null;
                LocalDate promise = item.hasNonNull("promiseDate")
                        ? LocalDate.parse(item.get("promiseDate").asString())
                        : null;
                List<String> candidates = new ArrayList<>();
                for (JsonNode warehouse : item.path("candidates")) {
                    candidates.add(warehouse.asString());
                }
                deliveries.put(itemId, new Delivery(Delivery.Status.DELIVERABLE, eta, promise, candidates));
            } else if (!"UNKNOWN_ITEM".equals(item.path("reason").asString(""))) {
                deliveries.put(itemId, new Delivery(Delivery.Status.UNDELIVERABLE, null, null));
            }
        }
        counter(DeliveryCheck.Outcome.OK).increment();
        return new DeliveryCheck(DeliveryCheck.Outcome.OK, deliveries);
    }

    private DeliveryCheck unknown(DeliveryCheck.Outcome outcome) {
        counter(outcome).increment();
        return new DeliveryCheck(outcome, Map.of());
    }

    private io.micrometer.core.instrument.Counter counter(DeliveryCheck.Outcome outcome) {
        return meters.counter(meterName, "outcome", outcome.name().toLowerCase(Locale.ROOT));
    }
}
