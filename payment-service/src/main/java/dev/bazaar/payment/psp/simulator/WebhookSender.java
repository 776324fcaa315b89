package dev.bazaar.payment.psp.simulator;

import dev.bazaar.payment.LocalAddress;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers the simulator's webhook events as a careless PSP would: after a delay, each one
 * {@code copies} times, signed {@code Psp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<body>")>}.
 * One thread sends them in the order they were scheduled, so "out of order" is deterministic. A copy the
 * receiver does not take (no 2xx) is sent again, up to {@code attempts} times; each 2xx delivery is counted in
 * {@code psp_sim_event.deliveries}.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final PspSimulatorProperties settings;
    private final LocalAddress local;
    private final JdbcClient jdbc;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "psp-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(PspSimulatorProperties settings, LocalAddress local, JdbcClient jdbc) {
        this.settings = settings;
        this.local = local;
        this.jdbc = jdbc;
    }

    /** Sends every copy of the event {@code after} from now (plus a step per copy, keeping their order). */
    void schedule(String eventId, String payload, Duration after) {
        if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            log.warn("PSP simulator: no webhook secret (BAZAAR_PSP_WEBHOOK_SECRET), event {} not sent", eventId);
            return;
        }
        for (int copy = 0; copy < settings.webhooks().copies(); copy++) {
            long at = after.toMillis() + copy;
            scheduler.schedule(() -> deliver(eventId, payload, 1), at, TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(String eventId, String payload, int attempt) {
        try {
            attempt(eventId, payload, attempt);
        } catch (RuntimeException e) {
            // The scheduler thread must survive anything (the database gone while the service stops, say).
            log.warn("PSP simulator: webhook {} delivery failed: {}", eventId, e.toString());
        }
    }

    private void attempt(String eventId, String payload, int attempt) {
        URI target = local.or(settings.webhookUrl(), "/api/payments/webhooks/psp");
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        int status;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Psp-Signature", "t=" + timestamp + ",v1=" + sign(timestamp, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status / 100 == 2) {
            jdbc.sql("UPDATE psp_sim_event SET deliveries = deliveries + 1 WHERE id = ?")
                    .param(eventId)
                    .update();
        } else if (attempt < settings.webhooks().attempts()) {
            scheduler.schedule(
                    () -> deliver(eventId, payload, attempt + 1),
                    settings.webhooks().retryInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            log.warn(
                    "PSP simulator: webhook {} not taken after {} attempts (last status {})", eventId, attempt, status);
        }
    }

    private String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
