package dev.bazaar.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.notifications}; each default is stated here and nowhere else (application.yml
 * only maps environment variables to local addresses). The one setting without a default is the secret.
 *
 * @param internalToken the shared secret sent as {@code X-Internal-Token} to user-service's contact reads
 *     ({@code BAZAAR_INTERNAL_TOKEN}; only the {@code local} profile fills a development value)
 * @param users user-service, where recipients' email addresses and phone numbers come from
 * @param delivery how pending deliveries are sent and retried
 * @param email the sender of every mail
 * @param sms the SMS provider
 * @param maxEventAge an event older than this when it is consumed plans no delivery (it is recorded, and
 *     logged): a first start (a new consumer group reading the topics from their start), or a replay, must
 *     not tell customers of orders that were news days ago
 */
@Validated
@ConfigurationProperties("bazaar.notifications")
public record NotificationProperties(
        @NotBlank(
                message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a default "
                        + "outside the 'local' profile")
        String internalToken,

        @Valid @DefaultValue Users users,
        @Valid @DefaultValue Delivery delivery,
        @Valid @DefaultValue Email email,
        @Valid @DefaultValue Sms sms,
        @DefaultValue("1d") Duration maxEventAge) {

    /**
     * @param url user-service's base URL ({@code BAZAAR_USERS_URL}, fallback in application.yml)
     * @param timeout how long one contact read may take; past it the delivery is retried later
     */
    public record Users(
            @NotNull URI url, @DefaultValue("3s") Duration timeout) {}

    /**
     * A delivery is tried, and on a transient failure tried again after {@code initialBackoff}, then each wait
     * {@code multiplier} times the one before, at most {@code maxBackoff}; after {@code maxAttempts} it is DEAD.
     *
     * @param pollInterval how often the dispatcher looks for due deliveries
     * @param batch deliveries claimed per look
     * @param maxAttempts attempts before a delivery is DEAD (a dead letter OPS can replay)
     * @param initialBackoff the wait after the first failed attempt
     * @param multiplier how much longer each next wait is
     * @param maxBackoff the longest wait between two attempts
     * @param lease how long a claimed delivery is left to its sender before it is due again: a dispatcher that
     *     died between claiming and recording the outcome leaves it to the next one (at-least-once)
     */
    public record Delivery(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("50") @Min(1) int batch,
            @DefaultValue("6") @Min(1) int maxAttempts,
            @DefaultValue("5s") Duration initialBackoff,
            @DefaultValue("3") @DecimalMin("1.0") double multiplier,
            @DefaultValue("30m") Duration maxBackoff,
            @DefaultValue("2m") Duration lease) {

        /** The wait after failed attempt number {@code attempt} (1 for the first). */
        public Duration backoffAfter(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
            return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
        }
    }

    /**
     * @param from the sender of every mail
     * @param messageIdDomain the right-hand side of each mail's Message-ID ({@code <delivery-id@domain>})
     */
    public record Email(
            @DefaultValue("Bazaar <orders@bazaar.local>") @NotBlank
            String from,

            @DefaultValue("notifications.bazaar.local") @NotBlank
            String messageIdDomain) {}

    /**
     * @param url the SMS provider's API base URL; empty means the simulator inside this service
     *     ({@code http://127.0.0.1:<port>/sms-simulator}), which is what the local run and the tests use
     * @param sender the sender id the messages carry
     * @param timeout how long one call to the provider may take before it counts as a transient failure
     */
    public record Sms(
            URI url,
            @DefaultValue("BAZAAR") @NotBlank String sender,
            @DefaultValue("5s") Duration timeout) {}
}
