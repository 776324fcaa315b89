package dev.bazaar.serviceability.lookup;

import dev.bazaar.starter.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/serviceability?itemId=&pincode=} and {@code POST /api/serviceability/batch}. Both
 * accept an optional {@code orderTime} (ISO instant, default now) so a client can ask "if I order at
 * 18:00, when does it arrive?" and tests can pin the cut-off.
 */
@RestController
@RequestMapping("/api/serviceability")
class ServiceabilityController {

    static final int MAX_BATCH = 100;

    private final ServiceabilityLookup lookup;
    private final Clock clock;

    ServiceabilityController(ServiceabilityLookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    @GetMapping
    ItemServiceability one(
            @RequestParam String itemId,
            @RequestParam String pincode,
            @RequestParam(required = false) Instant orderTime) {
        InputChecks.itemId(itemId);
        InputChecks.pincode(pincode);
        return lookup.check(pincode, List.of(itemId), orderTime(orderTime)).get(0);
    }

    record BatchRequest(String pincode, List<String> itemIds, Instant orderTime) {}

    record BatchResponse(String pincode, List<ItemServiceability> items) {}

    @PostMapping("/batch")
    BatchResponse batch(@RequestBody BatchRequest request) {
        InputChecks.pincode(request.pincode());
        if (request.itemIds() == null
                || request.itemIds().isEmpty()
                || request.itemIds().size() > MAX_BATCH) {
            throw ApiProblem.badRequest("invalid-batch", "itemIds must hold 1 to " + MAX_BATCH + " item ids");
        }
        request.itemIds().forEach(InputChecks::itemId);
        return new BatchResponse(
                request.pincode(), lookup.check(request.pincode(), request.itemIds(), orderTime(request.orderTime())));
    }

    private Instant orderTime(Instant requested) {
        return requested != null ? requested : clock.instant();
    }
}
