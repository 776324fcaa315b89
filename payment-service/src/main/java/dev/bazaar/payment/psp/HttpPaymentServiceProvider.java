package dev.bazaar.payment.psp;

import dev.bazaar.contracts.Money;
import dev.bazaar.payment.LocalAddress;
import dev.bazaar.payment.PaymentProperties;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter for the PSP's REST API (the simulator's, shaped like a real hosted-checkout PSP's): sessions
 * created with an {@code Idempotency-Key}, a session status read, refunds. No answer within the timeout, a
 * refused connection or a 5xx is a 503 {@code psp-unavailable} problem: the caller decides nothing on it.
 */
@Component
class HttpPaymentServiceProvider implements PaymentServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentServiceProvider.class);

    private final PaymentProperties.Psp settings;
    private final LocalAddress local;
    private final JsonMapper json;
    private final HttpClient http;

    HttpPaymentServiceProvider(PaymentProperties properties, LocalAddress local, JsonMapper json) {
        this.settings = properties.psp();
        this.local = local;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    @Override
    public HostedSession createSession(String paymentId, Money amount, URI returnUrl) {
        JsonNode session = send(
                "POST",
                "/v1/sessions",
                Map.of("merchantReference", paymentId, "amount", amount, "returnUrl", returnUrl.toString()),
                paymentId);
        return new HostedSession(
                session.path("sessionId").asString(),
                URI.create(session.path("redirectUrl").asString()));
    }

    @Override
    public PspStatus status(String sessionId) {
        JsonNode session = send("GET", "/v1/sessions/" + sessionId, null, null);
        JsonNode amount = session.path("amount");
        return new PspStatus(
                PspStatus.State.valueOf(session.path("status").asString()),
                session.path("transactionId").asString(null),
                new Money(amount.path("minor").asLong(), amount.path("currency").asString()),
                session.path("reason").asString(null));
    }

    @Override
    public String refund(String transactionId, Money amount) {
        return send("POST", "/v1/refunds", Map.of("transactionId", transactionId, "amount", amount), transactionId)
                .path("refundId")
                .asString();
    }

    private JsonNode send(String method, String path, Object body, String idempotencyKey) {
        URI base = local.or(settings.url(), "/psp-simulator");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("PSP {} {} failed: {}", method, path, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (response.statusCode() / 100 != 2) {
            log.warn("PSP {} {} answered {}: {}", method, path, response.statusCode(), new String(response.body()));
            throw unavailable();
        }
        return json.readTree(response.body());
    }

    private static ApiProblem unavailable() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "psp-unavailable",
                "Payment provider unavailable",
                "The payment service provider did not answer; nothing was decided, try again");
    }
}
