package dev.bazaar.notification.delivery;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS: the deliveries that could not be sent (every attempt failed, or the failure was permanent), and a
 * replay of one, which sends it again from the dispatcher as if it were new. A replay is idempotent: a
 * delivery already replayed (PENDING again, or SENT since) is answered as it is and not sent twice.
 */
@Validated
@RestController
@RequestMapping("/api/ops/notifications/dead-letters")
@PreAuthorize("hasRole('OPS')")
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    record DeadLetters(List<Delivery> deadLetters) {}

    private final Deliveries deliveries;

    DeadLetterController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    DeadLetters list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new DeadLetters(deliveries.dead(limit));
    }

    @PostMapping("/{id}/replay")
    Delivery replay(@PathVariable String id, @AuthenticationPrincipal Jwt ops) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> ApiProblem.notFound("Delivery", id));
        if (deliveries.replay(id)) {
            log.info(
                    "Dead letter {} ({} to {} {}) replayed by {}",
                    id,
                    delivery.channel(),
                    delivery.audience(),
                    delivery.recipient(),
                    ops.getSubject());
        } else if (delivery.status() == Delivery.Status.SKIPPED) {
            throw ApiProblem.conflict(
                    "not-a-dead-letter", "Delivery '" + id + "' was skipped, not failed: nothing to replay");
        }
        return deliveries.find(id).orElseThrow();
    }
}
