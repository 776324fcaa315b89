package dev.bazaar.order.history;

import dev.bazaar.order.archival.OrderArchive;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderHistory;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Every order, live (MariaDB) or archived (Cassandra): the one place that reads both. Archival writes an
 * order to Cassandra before it deletes it from MariaDB, so reading MariaDB first and Cassandra second never
 * misses an order that moves meanwhile: either MariaDB still had it, or Cassandra already has it (and an
 * order in both is the same order, kept once).
 */
@Service
public class MergedOrders {

    /** An order with its status history, from whichever store holds it. */
    public record WithHistory(Order order, List<OrderHistory> history) {}

    /** A page of a shopper's orders, newest first, and the key of the last one when more may follow. */
    record Page(List<Order> orders, HistoryCursor next) {}

    private static final Logger log = LoggerFactory.getLogger(MergedOrders.class);

    static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(Order::orderId).reversed();

    private final Orders live;
    private final OrderArchive archive;

    MergedOrders(Orders live, OrderArchive archive) {
        this.live = live;
        this.archive = archive;
    }

    /** The order, live or archived. */
    public Optional<Order> find(String orderId) {
        Optional<Order> order = live.find(orderId);
        return order.isPresent() ? order : archived(() -> archive.find(orderId)).map(OrderArchive.Archived::order);
    }

    /** The shopper's own order; empty for another shopper's, as for one that does not exist. */
    public Optional<Order> findOf(String userId, String orderId) {
        return find(orderId).filter(order -> order.userId().equals(userId));
    }

    /** The order with its status history, live or archived. */
    public Optional<WithHistory> findWithHistory(String orderId) {
        Optional<Order> order = live.find(orderId);
        if (order.isPresent()) {
            return Optional.of(new WithHistory(order.get(), live.history(orderId)));
        }
        return archived(() -> archive.find(orderId))
                .map(archived -> new WithHistory(archived.order(), archived.history()));
    }

    /**
     * A read of the archive; Cassandra down or failing is a 503 {@code history-unavailable}: an answer without
     * the archived orders would look complete and be wrong.
     */
    private static <T> T archived(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException cassandraFailing) {
            log.warn("The order archive (Cassandra) did not answer: {}", cassandraFailing.toString());
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "history-unavailable",
                    "Order history unavailable",
                    "The archive of past orders cannot be read right now; try again shortly");
        }
    }

    /**
     * Up to {@code size} of the shopper's orders after {@code after} (null: from the newest), newest first,
     * from both stores. Each store is read by keyset for {@code size + 1} orders, so whether more follow is
     * known without counting; the cursor is the key of the last order returned, the same in both stores.
     */
    Page page(String userId, HistoryCursor after, int size) {
        List<Order> fromLive = after == null
                ? live.ofUser(userId, null, null, size + 1)
                : live.ofUser(userId, after.createdAt(), after.orderId(), size + 1);
        // After MariaDB, never before: see the class comment.
        List<Order> fromArchive = after == null
                ? archived(() -> archive.ofUser(userId, null, null, size + 1))
                : archived(() -> archive.ofUser(userId, after.createdAt(), after.orderId(), size + 1));
        Map<String, Order> merged = new LinkedHashMap<>();
        fromLive.forEach(order -> merged.put(order.orderId(), order));
        fromArchive.forEach(order -> merged.putIfAbsent(order.orderId(), order));
        List<Order> sorted = new ArrayList<>(merged.values());
        sorted.sort(NEWEST_FIRST);
        if (sorted.size() <= size) {
            return new Page(sorted, null);
        }
        List<Order> page = sorted.subList(0, size);
        Order last = page.get(size - 1);
        return new Page(List.copyOf(page), new HistoryCursor(last.createdAt(), last.orderId()));
    }
}
