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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS stock APIs (JWT with role OPS): receipts, adjustments, one item's stock everywhere and its ledger
 * check, and a warehouse's items a page at a time.
 */
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

    record AdjustmentRequest(
            @NotBlank @Size(max = 64) String adjustmentId,
            @NotBlank @Size(max = 64) String warehouseId,

            @NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE)
            String itemId,

            @NotNull Long delta,
            @NotNull Adjustments.Reason reason) {}

    record ItemStock(String itemId, List<Level> warehouses, long totalAvailable) {}

    record Level(String warehouseId, long onHand, long reserved, long sold, long available) {}

    record WarehouseItems(String warehouseId, List<Item> items, int page, int size, long totalElements) {}

    record Item(String itemId, long onHand, long reserved, long sold, long available) {}

    static final int MAX_PAGE_SIZE = 200;

    private final Receipts receipts;
    private final Adjustments adjustments;
    private final Stock stock;
    private final StockLedger ledger;

    StockController(Receipts receipts, Adjustments adjustments, Stock stock, StockLedger ledger) {
        this.receipts = receipts;
        this.adjustments = adjustments;
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

    /**
     * Idempotent by adjustmentId; a negative delta that would leave on hand below reserved is 409
     * adjustment-below-reserved and changes nothing.
     */
    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Adjustments.Adjustment adjust(@Valid @RequestBody AdjustmentRequest request) {
        if (request.delta() == 0) {
            throw ApiProblem.badRequest("invalid-delta", "delta must not be zero");
        }
        return adjustments.adjust(new Adjustments.Adjustment(
                request.adjustmentId(), request.warehouseId(), request.itemId(), request.delta(), request.reason()));
    }

    /** The items the warehouse has had stock of, in item id order, {@code size} per page. */
    @GetMapping("/warehouses/{warehouseId}/items")
    WarehouseItems warehouse(
            @PathVariable String warehouseId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "invalid-paging", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        List<Item> items = stock.inWarehouse(warehouseId, page, size).stream()
                .map(l -> new Item(l.itemId(), l.onHand(), l.reserved(), l.sold(), l.onHand() - l.reserved()))
                .toList();
        return new WarehouseItems(warehouseId, items, page, size, stock.countInWarehouse(warehouseId));
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
