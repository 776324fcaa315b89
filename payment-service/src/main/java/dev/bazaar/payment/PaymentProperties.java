package dev.bazaar.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.payments}; each default is stated here and nowhere else (application.yml only
 * maps environment variables). The secrets have no default outside the {@code local} profile.
 *
 * @param internalToken shared secret order-service sends in {@code X-Internal-Token} to {@code /internal/**}
 *     ({@code BAZAAR_INTERNAL_TOKEN})
 * @param returnUrl where the PSP's hosted page sends the shopper's browser back to when they are done (the
 *     shop's front end); the order id is added as {@code ?orderId=}
 * @param psp the payment service provider this service talks to
 */
@Validated
@ConfigurationProperties("bazaar.payments")
public record PaymentProperties(
        @NotBlank(
                message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a default "
                        + "outside the 'local' profile")
        String internalToken,

        @DefaultValue("http://127.0.0.1:8080/checkout/return") @NotNull
        URI returnUrl,

        @Valid @DefaultValue Psp psp) {

    /**
     * @param url the PSP's API base URL; empty means the simulator inside this service
     *     ({@code http://127.0.0.1:<port>/psp-simulator}), which is what the local run and the tests use
     * @param webhookSecret the HMAC-SHA256 key the PSP signs its webhooks with ({@code BAZAAR_PSP_WEBHOOK_SECRET})
     * @param signatureTolerance how far a webhook's signed timestamp may be from now before it is refused as
     *     stale (a replay of an old, validly signed body)
     * @param timeout how long a call to the PSP's API may take before it counts as unavailable (503)
     */
    public record Psp(
            URI url,

            @NotBlank(
                    message = "is not set (environment variable BAZAAR_PSP_WEBHOOK_SECRET): a secret, without a "
                            + "default outside the 'local' profile")
            String webhookSecret,

            @DefaultValue("5m") Duration signatureTolerance,
            @DefaultValue("10s") Duration timeout) {}
}
