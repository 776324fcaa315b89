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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PSP does not answer (its address refuses connections): a new payment is 503 {@code psp-unavailable}, kept
 * PENDING without a hosted page, and a retry with the same key asks the PSP again for the same payment, never
 * a second one. Nothing is decided on a PSP that does not answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bazaar.payments.psp.url=http://127.0.0.1:9/psp-simulator")
@UsesLocalServers({LocalServer.MARIADB, LocalServer.KAFKA})
class PspDownIntegrationTests {

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
    void aPspThatDoesNotAnswerIs503AndARetryMakesNoSecondPayment() {
        String orderId = newOrderId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body(orderId, "shopper-1", 9_900);

        assertProblem(payments.create(key, request), 503, "psp-unavailable");
        assertProblem(payments.create(key, request), 503, "psp-unavailable");
        assertProblem(payments.create(UUID.randomUUID().toString(), request), 503, "psp-unavailable");

        HttpTestClient.Response read = payments.refresh(orderId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("PENDING");
        assertThat(read.json().path("redirectUrl").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(payments.publishedFor(orderId)).isEmpty();
    }
}
