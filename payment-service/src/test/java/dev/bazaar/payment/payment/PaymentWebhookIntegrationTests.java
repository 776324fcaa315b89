package dev.bazaar.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.payment.PaymentClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop with the PSP simulator as configured by default, only faster: a browser pays or declines on
 * the hosted page, and the simulator's webhooks (each sent twice, and the session's "pending" event again
 * after the final one) settle the payment once, with one PaymentCompleted. Delays are 300 ms here instead of
 * 2 s; the tests wait for the simulator's recorded deliveries, never for time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bazaar.psp-simulator.webhooks.delay=300ms", "bazaar.psp-simulator.webhooks.retry-interval=200ms"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class PaymentWebhookIntegrationTests {

    /** Each event twice: the pending one at creation and again after the final one, the final one twice. */
    static final long ALL_DELIVERIES = 2 + 2 + 2;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IsolatedNames names;

    PaymentClient payments;

    @BeforeEach
    void client() {
        payments = new PaymentClient(port, jdbc, names);
    }

    @Test
    void payingOnTheHostedPageCapturesOnceDespiteDuplicateAndOutOfOrderWebhooks() {
        JsonNode payment = payments.newPayment("shopper-1", 149_900);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();

        HttpTestClient.Response back = payments.choose(payment, "pay");
        assertThat(back.header("Location")).endsWith("?orderId=" + orderId);
        payments.awaitStatus(orderId, "CAPTURED");

        // Every copy the simulator sends is taken (2xx) ...
        String session = payments.sessionOf(paymentId);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> payments.deliveries(session) == ALL_DELIVERIES);
        // ... and of the six deliveries two events were recorded, one capture applied, one event published.
        assertThat(payments.webhookEventsRecorded(paymentId)).isEqualTo(2);
        HttpTestClient.Response read = payments.read(orderId);
        assertThat(read.text("status")).isEqualTo("CAPTURED");
        String txn = jdbc.sql("SELECT transaction_id FROM psp_sim_session WHERE id = ?")
                .param(session)
                .query(String.class)
                .single();
        assertThat(read.text("pspTransactionId")).isEqualTo(txn);
        List<JsonNode> published = payments.publishedFor(orderId);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(published.get(0).path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(published.get(0).path("amount").path("minor").asLong()).isEqualTo(149_900);

        // A stale event with a new id (pending, or a decline the PSP made up) never moves the captured payment.
        HttpTestClient.Response stale =
                payments.webhook(PaymentClient.event("payment.pending", session, paymentId, "PENDING", null, 149_900));
        assertThat(stale.status()).as(stale.body()).isEqualTo(200);
        assertThat(stale.text("outcome")).isEqualTo("IGNORED");
        HttpTestClient.Response declined = payments.webhook(
                PaymentClient.event("payment.declined", session, paymentId, "DECLINED", null, 149_900));
        assertThat(declined.text("outcome")).isEqualTo("IGNORED");
        // The real captured event again (the simulator's own id): a duplicate.
        HttpTestClient.Response replayed = payments.webhook(payments.simulatorEvent(session, "payment.captured"));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.text("outcome")).isEqualTo("DUPLICATE");

        assertThat(payments.refresh(orderId).text("status")).isEqualTo("CAPTURED");
        assertThat(payments.publishedFor(orderId)).hasSize(1);
    }

    @Test
    void decliningOnTheHostedPageDeclinesOnce() {
        JsonNode payment = payments.newPayment("shopper-2", 50_000);
        String orderId = payment.path("orderId").asString();
        String paymentId = payment.path("paymentId").asString();

        payments.choose(payment, "decline");
        payments.awaitStatus(orderId, "DECLINED");
        String session = payments.sessionOf(paymentId);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> payments.deliveries(session) == ALL_DELIVERIES);

        assertThat(payments.read(orderId).text("status")).isEqualTo("DECLINED");
        assertThat(payments.read(orderId).json().path("pspTransactionId").isNull())
                .isTrue();
        List<JsonNode> published = payments.publishedFor(orderId);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("outcome").asString()).isEqualTo("DECLINED");

        // A second choice on the page (the back button) changes nothing at the PSP or here.
        payments.submit(payment, "pay");
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("DECLINED");
        assertThat(payments.publishedFor(orderId)).hasSize(1);
    }

    @Test
    void aClosedPageLeavesThePaymentPendingAndTheStatusApiSaysSo() {
        JsonNode payment = payments.newPayment("shopper-3", 20_000);
        String orderId = payment.path("orderId").asString();
        String session = payments.sessionOf(payment.path("paymentId").asString());

        // The browser closed: the only webhook is the pending one (twice), and it changes nothing.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> payments.deliveries(session) == 2);
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("PENDING");
        assertThat(payments.read(orderId).text("status")).isEqualTo("PENDING");
        assertThat(payments.publishedFor(orderId)).isEmpty();
    }
}
