package dev.bazaar.payment.psp.simulator;

import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the PSP simulator, under {@code bazaar.psp-simulator}.
 *
 * @param webhookSecret the key it signs webhooks with (the same {@code BAZAAR_PSP_WEBHOOK_SECRET} payment-service
 *     verifies with); without one it sends no webhooks
 * @param webhookUrl where it sends webhooks; empty: this service's {@code /api/payments/webhooks/psp}
 * @param publicUrl the address a shopper's browser reaches the simulator at (its hosted page); empty: this
 *     service's own address
 * @param latency how long each API call (session, status, refund) takes, as a slow PSP would
 * @param outcome what "Pay" on the hosted page does: {@code AS_CHOSEN} captures, {@code DECLINE} declines,
 *     {@code FAIL} fails (an issuer error); "Decline" always declines
 * @param webhooks how webhooks are delivered: late, duplicated and out of order on purpose
 */
@Validated
@ConfigurationProperties("bazaar.psp-simulator")
record PspSimulatorProperties(
        String webhookSecret,
        URI webhookUrl,
        URI publicUrl,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("AS_CHOSEN") Outcome outcome,
        @DefaultValue Webhooks webhooks) {

    public enum Outcome {
        AS_CHOSEN,
        DECLINE,
        FAIL
    }

    /**
     * @param delay how long after the event each delivery is sent (a late webhook)
     * @param copies how many times each event is delivered (the same event id each time)
     * @param outOfOrder after a session's final event, deliver its earlier "pending" event again
     * @param attempts deliveries of one copy before giving up, when the receiver does not answer 2xx
     * @param retryInterval the wait between those attempts
     */
    public record Webhooks(
            @DefaultValue("2s") Duration delay,
            @DefaultValue("2") @Min(1) int copies,
            @DefaultValue("true") boolean outOfOrder,
            @DefaultValue("5") @Min(1) int attempts,
            @DefaultValue("1s") Duration retryInterval) {}
}
