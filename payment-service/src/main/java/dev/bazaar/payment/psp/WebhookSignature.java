package dev.bazaar.payment.psp;

import dev.bazaar.contracts.Money;
import dev.bazaar.payment.PaymentProperties;
import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PSP's webhook signature: header {@value #HEADER} {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">} with the shared {@code BAZAAR_PSP_WEBHOOK_SECRET}. The raw bytes are verified before
 * anything is parsed; a missing, malformed or wrong signature, or a timestamp further from now than the
 * tolerance (an old body replayed), is 401 {@code invalid-signature}. Compared in constant time.
 */
@Component
public class WebhookSignature {

    public static final String HEADER = "Psp-Signature";

    private final byte[] secret;
    private final Duration tolerance;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSignature(PaymentProperties properties, JsonMapper json) {
        this.secret = properties.psp().webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.tolerance = properties.psp().signatureTolerance();
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** The event in {@code body} if {@code header} signs it; else a 401 problem. */
    public PspEvent verify(String header, byte[] body) {
        long timestamp;
        byte[] sent;
        try {
            String t = null;
            String v1 = null;
            for (String part : header == null ? new String[0] : header.split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals("t")) {
                    t = pair[1];
                } else if (pair.length == 2 && pair[0].equals("v1")) {
                    v1 = pair[1];
                }
            }
            if (t == null || v1 == null) {
                throw invalid("The " + HEADER + " header must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
            }
            timestamp = Long.parseLong(t);
            sent = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException malformed) {
            throw invalid("The " + HEADER + " header must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        if (!MessageDigest.isEqual(sign(timestamp, body, secret), sent)) {
            throw invalid("The signature does not match the body");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant())
                .abs();
        if (age.compareTo(tolerance) > 0) {
            throw invalid("The signed timestamp is " + age.toSeconds() + " s from now, more than " + tolerance
                    + ": a replayed webhook");
        }
        return parse(body);
    }

    /** HMAC-SHA256 of {@code "<timestamp>.<body>"}; the simulator signs the same way with its own copy. */
    static byte[] sign(long timestamp, byte[] body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private PspEvent parse(byte[] body) {
        try {
            JsonNode event = json.readTree(body);
            JsonNode data = event.path("data");
            PspStatus.State state = PspStatus.State.valueOf(data.path("status").asString());
            JsonNode amount = data.path("amount");
            return new PspEvent(
                    required(event, "eventId"),
                    required(event, "type"),
                    required(data, "merchantReference"),
                    required(data, "sessionId"),
                    new PspStatus(
                            state,
                            data.path("transactionId").asString(null),
                            new Money(
                                    amount.path("minor").asLong(),
                                    amount.path("currency").asString()),
                            data.path("reason").asString(null)));
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            throw ApiProblem.badRequest("invalid-webhook", "The webhook body is not a PSP event");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature", detail);
    }
}
