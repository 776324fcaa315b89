package dev.bazaar.payment.payment;

import dev.bazaar.payment.psp.PspEvent;
import dev.bazaar.payment.psp.WebhookSignature;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PSP's webhooks. The raw body is verified against its HMAC signature before it is read (forged or
 * stale: 401 {@code invalid-signature}, nothing changed); a verified event is applied once. 200 tells the PSP
 * to stop redelivering, also for a duplicate or an event that changes nothing.
 */
@RestController
class WebhookController {

    private final WebhookSignature signature;
    private final Payments payments;

    WebhookController(WebhookSignature signature, Payments payments) {
        this.signature = signature;
        this.payments = payments;
    }

    @PostMapping("/api/payments/webhooks/psp")
    Map<String, String> receive(
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String header, @RequestBody byte[] body) {
        PspEvent event = signature.verify(header, body);
        return Map.of(
                "eventId",
                event.eventId(),
                "outcome",
                payments.onPspEvent(event).name());
    }
}
