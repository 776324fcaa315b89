package dev.bazaar.inventory.stock;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** OPS stock APIs (JWT with role OPS): receipts, one item's stock everywhere, and its ledger check. */
@RestController
@RequestMapping("/api/ops/inventory")
@PreAuthorize("hasRole('OPS')")
class StockController {

    record ReceiptRequest(
            @NotBlank @Size(max = 64) String receiptId,
            @NotBlank @Size(max = 64) String warehouseId,

            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId,

            @NotNull @Positive Long quantity) {}

    record ItemStock(String itemId, List<Level> warehouses, long totalAvailable) {}

    record Level(String warehouseId, long onHand, long reserved, long sold, long available) {}

    private final Receipts receipts;
    private final Stock stock;
    private final StockLedger ledger;

    StockController(Receipts receipts, Stock stock, StockLedger ledger) {
        this.receipts = receipts;
        this.stock = stock;
        this.ledger = ledger;
    }

    /** Idempotent by receiptId: a repeat changes nothing and gets the same answer. */
    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Receipts.Receipt receive(@Valid @RequestBody ReceiptRequest request) {
        return receipts.receive(
                new Receipts.Receipt(request.receiptId(), request.warehouseId(), request.itemId(), request.quantity()));
    }

    @GetMapping("/items/{itemId}")
    ItemStock item(@PathVariable String itemId) {
        checked(itemId);
        List<Level> levels = stock.levels(itemId).stream()
                .map(l -> new Level(l.warehouseId(), l.onHand(), l.reserved(), l.sold(), l.available()))
                .toList();
        return new ItemStock(
                itemId, levels, levels.stream().mapToLong(Level::available).sum());
    }

    /** The stored figures next to those recomputed from the ledger, per warehouse. */
    @GetMapping("/items/{itemId}/ledger-check")
    List<StockLedger.Check> ledgerCheck(@PathVariable String itemId) {
        checked(itemId);
        return ledger.check(itemId);
    }

    private static void checked(String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("invalid-item-id", ItemIds.MESSAGE);
        }
    }
}
