package dev.bazaar.payment.payment;

import static dev.bazaar.payment.PaymentClient.body;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.payment.PaymentClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The captured payments order-service's reconciliation reads: only CAPTURED and REFUNDED ones, in order id
 * order, keyset paged, only with the internal token. The webhooks are an hour late, as in
 * {@link PaymentIntegrationTests}: the status API captures.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.psp-simulator.webhooks.delay=1h")
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class CapturedPaymentsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IsolatedNames names;

    PaymentClient payments;
    HttpTestClient internal;

    @BeforeEach
    void client() {
        payments = new PaymentClient(port, jdbc, names);
        internal = payments.anonymous().withHeader("X-Internal-Token", PaymentClient.LOCAL_INTERNAL_TOKEN);
    }

    @Test
    void capturedAndRefundedPaymentsAreListedPageByPageAndNoOthers() {
        // Order ids that sort together after a prefix no other test uses: a, b captured, c refunded, d
        // declined, e still pending.
        String prefix = "rc-" + UUID.randomUUID();
        JsonNode a = paid(prefix + "-a", 1_000);
        JsonNode b = paid(prefix + "-b", 2_000);
        JsonNode c = paid(prefix + "-c", 3_000);
        assertThat(payments.refund(prefix + "-c").status()).isEqualTo(200);
        JsonNode d = created(prefix + "-d", 4_000);
        payments.choose(d, "decline");
        assertThat(payments.refresh(prefix + "-d").text("status")).isEqualTo("DECLINED");
        created(prefix + "-e", 5_000);

        List<JsonNode> listed = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String after = prefix;
        do {
            HttpTestClient.Response page =
                    internal.get("/internal/payments/captured?size=2&after=" + after + "&until=" + prefix + "-z");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("payments").forEach(listed::add);
            after = page.json().path("next").asString(null);
            cursors.add(after);
        } while (after != null);

        assertThat(listed)
                .extracting(p -> p.path("orderId").asString())
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
        assertThat(cursors).containsExactly(prefix + "-b", null);
        assertThat(listed)
                .extracting(p -> p.path("status").asString())
                .containsExactly("CAPTURED", "CAPTURED", "REFUNDED");
        assertThat(listed)
                .extracting(p -> p.path("paymentId").asString())
                .containsExactly(
                        a.path("paymentId").asString(),
                        b.path("paymentId").asString(),
                        c.path("paymentId").asString());
        assertThat(listed.get(1).path("amount").path("minor").asLong()).isEqualTo(2_000);
        assertThat(listed.get(1).path("amount").path("currency").asString()).isEqualTo("INR");
        assertThat(listed.get(2).path("updatedAt").isString()).isTrue();

        // Without bounds the listing reaches every captured payment of the database once.
        List<String> everything = new ArrayList<>();
        String from = null;
        do {
            JsonNode page = internal.get(
                            "/internal/payments/captured?size=1000" + (from == null ? "" : "&after=" + from))
                    .json();
            page.path("payments").forEach(p -> everything.add(p.path("orderId").asString()));
            from = page.path("next").asString(null);
        } while (from != null);
        assertThat(everything)
                .contains(prefix + "-a", prefix + "-b", prefix + "-c")
                .doesNotContain(prefix + "-d", prefix + "-e")
                .doesNotHaveDuplicates();
    }

    @Test
    void theListingNeedsTheInternalTokenAndABoundedPage() {
        assertProblem(payments.anonymous().get("/internal/payments/captured"), 401, "internal-token-required");
        assertProblem(
                payments.anonymous().withHeader("X-Internal-Token", "wrong").get("/internal/payments/captured"),
                401,
                "internal-token-required");
        assertProblem(internal.get("/internal/payments/captured?size=1001"), 400, "invalid-paging");
        assertProblem(internal.get("/internal/payments/captured?size=0"), 400, "invalid-paging");
    }

    private JsonNode created(String orderId, long minor) {
        HttpTestClient.Response created =
                payments.create(UUID.randomUUID().toString(), body(orderId, "shopper-rc", minor));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Paid on the hosted page and captured through the status API (the webhooks are an hour late here). */
    private JsonNode paid(String orderId, long minor) {
        JsonNode payment = created(orderId, minor);
        payments.choose(payment, "pay");
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("CAPTURED");
        return payment;
    }
}
