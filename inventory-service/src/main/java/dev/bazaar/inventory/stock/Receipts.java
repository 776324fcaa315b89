package dev.bazaar.inventory.stock;

import dev.bazaar.starter.problem.ApiProblem;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goods received into a warehouse, once per receipt id: the receipt row, the stock, its ledger row and
 * its {@code StockChanged} in one transaction. A repeat of the receipt (a retry) finds the row and
 * changes nothing; the same id with other contents is refused.
 */
@Service
class Receipts {

    record Receipt(String receiptId, String warehouseId, String itemId, long quantity) {}

    private final JdbcClient jdbc;
    private final Stock stock;
    private final TransactionTemplate transaction;

    Receipts(JdbcClient jdbc, Stock stock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.transaction = transaction;
    }

    Receipt receive(Receipt receipt) {
        Optional<Receipt> earlier = find(receipt.receiptId());
        if (earlier.isEmpty()) {
            try {
                transaction.executeWithoutResult(status -> {
                    // The receipt row first: a parallel repeat waits on its key and then finds it taken.
                    jdbc.sql("INSERT INTO receipt (receipt_id, warehouse_id, item_id, quantity) VALUES (?, ?, ?, ?)")
                            .params(receipt.receiptId(), receipt.warehouseId(), receipt.itemId(), receipt.quantity())
                            .update();
                    stock.receive(receipt.itemId(), receipt.warehouseId(), receipt.quantity(), receipt.receiptId());
                });
                return receipt;
            } catch (DuplicateKeyException repeatedMeanwhile) {
                earlier = find(receipt.receiptId());
            }
        }
        if (!earlier.orElseThrow().equals(receipt)) {
            throw ApiProblem.conflict(
                            "receipt-id-reused",
                            "Receipt '" + receipt.receiptId() + "' was already received with other contents")
                    .with("received", earlier.get());
        }
        return earlier.get();
    }

    private Optional<Receipt> find(String receiptId) {
        return jdbc.sql("SELECT receipt_id, warehouse_id, item_id, quantity FROM receipt WHERE receipt_id = ?")
                .param(receiptId)
                .query((rs, row) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }
}
