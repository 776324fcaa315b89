package dev.bazaar.inventory.reservation;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reservations for order-service. Not under {@code /api}, so the gateway (which routes {@code /api/**}
 * only) never exposes them; each call needs the starter's {@code InternalTokenGuard}, as user-service's internal reads do.
 */
@RestController
@RequestMapping("/internal/inventory/reservations")
class ReservationController {

    record ReserveRequest(
            @NotBlank @Size(max = 64) String orderId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
            Duration ttl) {}

    /**
     * @param warehouseIds where the line may come from, preferred first (serviceability's candidates for
     *     the shopper's pincode): the first that has the quantity available gets it
     */
    record LineRequest(
            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId,

            @NotNull @Positive Long quantity,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> warehouseIds) {}

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    /** 201 with the new reservation; 200 with the existing one when the order already has one. */
    @PostMapping
    ResponseEntity<Reservation> reserve(@Valid @RequestBody ReserveRequest request) {
        List<Reservations.Wanted> lines = request.lines().stream()
                .map(line -> new Reservations.Wanted(
                        line.itemId(),
                        line.quantity(),
                        line.warehouseIds().stream().distinct().toList()))
                .toList();
        if (lines.stream().map(Reservations.Wanted::itemId).distinct().count() != lines.size()) {
            throw ApiProblem.badRequest("duplicate-line", "Each item may appear in one line only");
        }
        Reservations.Reserved reserved = reservations.reserve(request.orderId(), lines, request.ttl());
        return ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(reserved.reservation());
    }

    @PostMapping("/{orderId}/confirm")
    Reservation confirm(@PathVariable String orderId) {
        return reservations.confirm(orderId);
    }

    @PostMapping("/{orderId}/release")
    Reservation release(@PathVariable String orderId) {
        return reservations.release(orderId);
    }

    /**
     * Puts a CONFIRMED (sold) reservation's quantities back on hand, where each line came from (the order was
     * cancelled after payment, or returned): 200 RESTOCKED, again the same; a RESERVED one is 409
     * {@code reservation-not-confirmed} (release it instead).
     */
    @PostMapping("/{orderId}/restock")
    Reservation restock(@PathVariable String orderId) {
        return reservations.restock(orderId);
    }
}
