package dev.bazaar.order.processing;

import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A seller's orders: those with at least one line of their supplier ({@code order_line.supplier_id}), once
 * placed (before, nothing is sold yet; an order cancelled unpaid never was). Any other order is not found,
 * exactly as one that does not exist: its id tells a seller nothing. An order that also holds another
 * supplier's lines (or a line taken before suppliers were recorded) is shown to each of its sellers but
 * changed by OPS only, since one seller's move (shipped, cancelled) would decide for the other's lines too.
 */
@Service
class SellerOrders {

    /** One page, newest first, and how many there are in all. */
    record Page(List<Order> orders, long total) {}

    /** Orders with a line of {@code :supplier} that were placed; {@code %s} is what to select. */
    private static final String OF_SUPPLIER_PLACED = """
            SELECT %s FROM orders o
            WHERE EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.supplier_id = :supplier)
              AND EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.to_status = 'PLACED')""";

    private final JdbcClient jdbc;
    private final Orders orders;

    SellerOrders(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /**
     * The supplier's orders newest first, only those in {@code status} when it is not null. Placed means its
     * history holds the move to PLACED: an order cancelled before it was paid was never the seller's to
     * fulfil.
     */
    Page of(String supplierId, OrderStatus status, int page, int size) {
        String filter = status == null ? "" : " AND o.status = :status";
        List<String> ids = jdbc.sql(OF_SUPPLIER_PLACED.formatted("o.id") + filter
                        + " ORDER BY o.created_at DESC, o.id DESC LIMIT :size OFFSET :offset")
                .param("supplier", supplierId)
                .param("status", status == null ? null : status.name())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(String.class)
                .list();
        long total = jdbc.sql(OF_SUPPLIER_PLACED.formatted("COUNT(*)") + filter)
                .param("supplier", supplierId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
        return new Page(ids.stream().map(orders::find).flatMap(Optional::stream).toList(), total);
    }

    /** The order if it is one of the supplier's; empty otherwise (also when it was never placed). */
    Optional<Order> find(String supplierId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.lines().stream().anyMatch(line -> supplierId.equals(line.supplierId())))
                .filter(order -> orders.history(orderId).stream().anyMatch(step -> step.to() == OrderStatus.PLACED));
    }

    /**
     * The order's id if the seller may move it: 404 when it is not theirs, 409 {@code order-of-several-sellers}
     * when it also holds lines of another supplier (OPS moves it).
     */
    String changeable(String supplierId, String orderId) {
        Order order = find(supplierId, orderId).orElseThrow(() -> Moves.notFound(orderId));
        if (!onlyOf(supplierId, order)) {
            throw ApiProblem.conflict(
                            "order-of-several-sellers",
                            "Order '" + orderId + "' also holds other sellers' items; only OPS can change it")
                    .with("orderId", orderId)
                    .with("status", order.status());
        }
        return orderId;
    }

    static boolean onlyOf(String supplierId, Order order) {
        return order.lines().stream().allMatch(line -> Objects.equals(supplierId, line.supplierId()));
    }
}
