package dev.bazaar.payment.payment;

import static dev.bazaar.payment.PaymentClient.body;
import static dev.bazaar.payment.PaymentClient.newOrderId;
import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.payment.PaymentClient;
import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
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
 * The simulator configured as a failing, slow PSP (every "Pay" fails at the issuer, each API call takes
 * 200 ms; webhooks held back): the status API reports the failure, which settles the payment FAILED once, with
 * its reason, and a failed payment is never refunded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bazaar.psp-simulator.outcome=FAIL",
            "bazaar.psp-simulator.latency=200ms",
            "bazaar.psp-simulator.webhooks.delay=1h"
        })
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class PspFailureIntegrationTests {

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
    void anIssuerFailureSettlesThePaymentFailedOnce() {
        JsonNode payment = payments.newPayment("shopper-1", 40_000);
        String orderId = payment.path("orderId").asString();
        payments.choose(payment, "pay");

        HttpTestClient.Response failed = payments.refresh(orderId);
        assertThat(failed.text("status")).isEqualTo("FAILED");
        assertThat(failed.text("failureReason")).isEqualTo("issuer unavailable");
        assertThat(failed.json().path("pspTransactionId").isNull()).isTrue();
        assertThat(payments.refresh(orderId).text("status")).isEqualTo("FAILED");
        assertProblem(payments.refund(orderId), 409, "payment-not-captured");

        List<JsonNode> published = payments.publishedFor(orderId);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(published.get(0).path("failureReason").asString()).isEqualTo("issuer unavailable");
        // The order's payment stays the one payment: a new request for it answers the failed one.
        HttpTestClient.Response again =
                payments.create(UUID.randomUUID().toString(), body(orderId, "shopper-1", 40_000));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("FAILED");
        assertThat(payments.read(newOrderId()).status()).isEqualTo(404);
    }
}
