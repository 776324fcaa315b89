package dev.bazaar.inventory.reconciliation;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only listings for order-service's reconciliation, under {@code /internal/**} (the starter's
 * {@code InternalTokenGuard}; the gateway never routes it). Keyset paged: {@code next} is the last key of a
 * full page, sent back as {@code after}; null when the listing is done. A key never moves, so a page read while
 * stock changes repeats no row and skips none that existed before the listing began.
 */
@RestController
@RequestMapping("/internal/inventory/reconciliation")
class ReconciliationController {

    static final int MAX_PAGE_SIZE = 1000;

    /** A page of stock rows; {@code next} is {@code <itemId>:<warehouseId>} (item ids hold no colon). */
    record StockPage(List<LedgerFigures.StockRow> rows, String next) {}

    record OrderPage(List<LedgerFigures.OrderHolding> orders, String next) {}

    private final LedgerFigures figures;

    ReconciliationController(LedgerFigures figures) {
        this.figures = figures;
    }

    /** Every (item, warehouse) in key order: the stored figures beside the ledger's. */
    @GetMapping("/stock")
    StockPage stock(@RequestParam(required = false) String after, @RequestParam(defaultValue = "500") int size) {
        checkSize(size);
        String afterItem = null;
        String afterWarehouse = null;
        if (after != null) {
            int colon = after.indexOf(':');
            if (colon < 0 || !ItemIds.isValid(after.substring(0, colon))) {
                throw ApiProblem.badRequest(
                        "invalid-cursor", "after must be the 'next' of a page: <itemId>:<warehouseId>");
            }
            afterItem = after.substring(0, colon);
            afterWarehouse = after.substring(colon + 1);
        }
        List<LedgerFigures.StockRow> rows = figures.stock(afterItem, afterWarehouse, size);
        LedgerFigures.StockRow last = rows.size() == size ? rows.get(rows.size() - 1) : null;
        return new StockPage(rows, last == null ? null : last.itemId() + ":" + last.warehouseId());
    }

    /**
     * What the ledger holds per order reference, in reference order: after {@code after} (exclusive), up to
     * {@code until} (inclusive, optional: order-service reads the references of one page of its orders).
     */
    @GetMapping("/orders")
    OrderPage orders(
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "500") int size) {
        checkSize(size);
        List<LedgerFigures.OrderHolding> orders = figures.orders(after, until, size);
        String next = orders.size() == size ? orders.get(orders.size() - 1).orderId() : null;
        return new OrderPage(orders, next);
    }

    private static void checkSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("invalid-paging", "size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
    }
}
