package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The service's callers in the tests: order-service (the local profile's internal token) on
 * {@code /internal/payments}, a shopper's browser on the PSP simulator's hosted page, the PSP (or a forger)
 * on the webhook, and a shopper with a JWT. Also reads what the simulator and the topic hold.
 */
public final class PaymentClient {

    /** The local profile's development values (the starter's bazaar-local.properties). */
    public static final String LOCAL_INTERNAL_TOKEN = "bazaar-local-internal-token";

    public static final String LOCAL_WEBHOOK_SECRET = "bazaar-local-psp-webhook-secret";

    public static final String WEBHOOK = "/api/payments/webhooks/psp";

    private final HttpTestClient anonymous;
    private final HttpTestClient orders;
    private final JdbcClient jdbc;
    private final IsolatedNames names;

    public PaymentClient(int port, JdbcClient jdbc, IsolatedNames names) {
        this.anonymous = HttpTestClient.local(port);
        this.orders = anonymous.withHeader("X-Internal-Token", LOCAL_INTERNAL_TOKEN);
        this.jdbc = jdbc;
        this.names = names;
    }

    public HttpTestClient anonymous() {
        return anonymous;
    }

    public static String newOrderId() {
        return "o-" + UUID.randomUUID();
    }

    public static Map<String, Object> body(String orderId, String userId, long minor) {
        return Map.of(
                "orderId",
                orderId,
                "userId",
                userId,
                "amount",
                Map.of("minor", minor, "currency", "INR"),
                "method",
                "UPI");
    }

    public HttpTestClient.Response create(String key, Map<String, Object> body) {
        return key == null
                ? orders.post("/internal/payments", body)
                : orders.post("/internal/payments", body, "Idempotency-Key", key);
    }

    /** A new payment of {@code minor} paise for a new order, asserted created and PENDING with its page. */
    public JsonNode newPayment(String userId, long minor) {
        HttpTestClient.Response created = create(UUID.randomUUID().toString(), body(newOrderId(), userId, minor));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.text("redirectUrl")).contains("/psp-simulator/pay/");
        return created.json();
    }

    public HttpTestClient.Response read(String orderId) {
        return orders.get("/internal/payments/orders/" + orderId);
    }

    public HttpTestClient.Response refresh(String orderId) {
        return orders.get("/internal/payments/orders/" + orderId + "?refresh=true");
    }

    public HttpTestClient.Response refund(String orderId) {
        return orders.post("/internal/payments/orders/" + orderId + "/refund", Map.of());
    }

    public String status(String orderId) {
        HttpTestClient.Response read = read(orderId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.text("status");
    }

    public void awaitStatus(String orderId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(status(orderId)));
    }

    /**
     * What a browser does on the hosted page: loads it (the form with Pay and Decline) and submits the form
     * with the chosen button. Answers the form's answer (303 back to the shop).
     */
    public HttpTestClient.Response choose(JsonNode payment, String decision) {
        URI page = URI.create(payment.path("redirectUrl").asString());
        HttpTestClient browser = new HttpTestClient(page.getScheme() + "://" + page.getAuthority());
        HttpTestClient.Response form = browser.get(page.getPath());
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body())
                .contains("<form method=\"post\" action=\"" + page.getPath() + "\"")
                .contains("value=\"pay\"")
                .contains("value=\"decline\"");
        return submit(payment, decision);
    }

    /** The hosted page's form submitted (again, say: the back button), without loading the page. */
    public HttpTestClient.Response submit(JsonNode payment, String decision) {
        URI page = URI.create(payment.path("redirectUrl").asString());
        HttpTestClient browser = new HttpTestClient(page.getScheme() + "://" + page.getAuthority());
        HttpTestClient.Response answer = browser.send(
                "POST",
                page.getPath(),
                "application/x-www-form-urlencoded",
                BodyPublishers.ofString("decision=" + decision));
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        return answer;
    }

    /** The PSP session of a payment (the simulator's own table). */
    public String sessionOf(String paymentId) {
        return jdbc.sql("SELECT id FROM psp_sim_session WHERE merchant_reference = ?")
                .param(paymentId)
                .query(String.class)
                .single();
    }

    public long sessionsFor(String paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM psp_sim_session WHERE merchant_reference = ?")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    /** The payload of the simulator's event of this type for the session. */
    public String simulatorEvent(String sessionId, String type) {
        return jdbc.sql("SELECT payload FROM psp_sim_event WHERE session_id = ? AND type = ?")
                .params(sessionId, type)
                .query(String.class)
                .single();
    }

    /** How many times the simulator delivered (2xx) events of this session so far. */
    public long deliveries(String sessionId) {
        return jdbc.sql("SELECT COALESCE(SUM(deliveries), 0) FROM psp_sim_event WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    public long webhookEventsRecorded(String paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM psp_webhook_event WHERE payment_id = ?")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    /** Posts {@code body} to the webhook, signed at {@code at} with {@code secret}. */
    public HttpTestClient.Response webhook(String body, String secret, Instant at) {
        long t = at.getEpochSecond();
        return anonymous.send(
                "POST",
                WEBHOOK,
                "application/json",
                BodyPublishers.ofString(body),
                "Psp-Signature",
                "t=" + t + ",v1=" + sign(t, body, secret));
    }

    /** Posts {@code body} signed now with the PSP's (local) secret. */
    public HttpTestClient.Response webhook(String body) {
        return webhook(body, LOCAL_WEBHOOK_SECRET, Instant.now());
    }

    /** A webhook event as the simulator writes them, with a new event id. */
    public static String event(String type, String sessionId, String paymentId, String status, String txn, long minor) {
        return HttpTestClient.JSON.writeValueAsString(Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "type",
                type,
                "createdAt",
                Instant.now().toString(),
                "data",
                new java.util.HashMap<>(Map.of(
                        "sessionId",
                        sessionId,
                        "merchantReference",
                        paymentId,
                        "status",
                        status,
                        "transactionId",
                        txn == null ? "" : txn,
                        "amount",
                        Map.of("minor", minor, "currency", "INR")))));
    }

    public static String sign(long timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event published for the order, once the outbox is empty (so the list is complete). */
    public List<JsonNode> publishedFor(String orderId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0);
        return KafkaRecords.readToEnd(
                        LocalServer.KAFKA.address(), names.topic(Topics.PAYMENT_EVENTS), Duration.ofSeconds(60))
                .stream()
                .filter(record -> orderId.equals(record.key()))
                .map(record -> HttpTestClient.JSON.readTree(record.value()))
                .toList();
    }

    public static String bearer(String userId) {
        return TestJwts.bearer(userId);
    }
}
