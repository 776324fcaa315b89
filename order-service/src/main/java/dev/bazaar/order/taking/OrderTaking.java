package dev.bazaar.order.taking;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.CREATED;

import dev.bazaar.order.OrderProperties;
import dev.bazaar.order.lifecycle.Order;
import dev.bazaar.order.lifecycle.OrderView;
import dev.bazaar.order.lifecycle.Orders;
import dev.bazaar.order.payment.PaymentTimeouts;
import dev.bazaar.order.peers.Inventory;
import dev.bazaar.order.peers.Payments;
import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.starter.idempotency.IdempotentRequests;
import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes an order: the address's pincode (user-service), the lines (the request's, else the shopper's cart),
 * each repriced by item-service, the warehouses that reach the pincode per line (serviceability); then the
 * order CREATED in one transaction, its stock reserved (inventory-service: per line, its candidate warehouses
 * in order), its payment created (payment-service, keyed by the order id), PAYMENT_PENDING and its payment
 * timeout started. Undeliverable or out of stock: the order is CANCELLED with the reason and the answer is a
 * 409 naming the lines.
 *
 * <p>With an {@code Idempotency-Key} the order id is derived from the shopper and the key, and the answer
 * (a 409 too) is stored with the key: a retry gets the same order, or the same refusal, and no second
 * payment. A retry that arrives while the first is still being taken finds the order id taken and is told
 * {@code order-in-progress} (409; retry shortly). Refusals before any order exists (unknown item, no address)
 * store nothing: their retry runs again.
 */
@Service
class OrderTaking {

    static final String UNDELIVERABLE = "UNDELIVERABLE";
    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    static final String INVENTORY_UNAVAILABLE = "INVENTORY_UNAVAILABLE";
    static final String PAYMENT_UNAVAILABLE = "PAYMENT_UNAVAILABLE";

    /** What the shopper sent. */
    record Request(String addressId, List<Pricing.Wanted> lines, String paymentMethod) {}

    /** A line the order could not have, as a 409 names it. */
    record Refused(String itemId, int quantity) {}

    /**
     * The answer, stored with the idempotency key: the order (201), or the order's refusal (409
     * {@code problemType}, the order CANCELLED).
     */
    record Taken(OrderView order, String problemType, String detail, List<Refused> lines) {

        OrderView orElseThrow() {
            if (problemType == null) {
                return order;
            }
            throw ApiProblem.conflict(problemType, detail)
                    .with("orderId", order.orderId())
                    .with("lines", lines);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OrderTaking.class);

    private final Orders orders;
    private final ItemCatalog catalog;
    private final Peers.Addresses addresses;
    private final Peers.CartContents carts;
    private final Peers.DeliveryOptions delivery;
    private final Inventory inventory;
    private final Payments payments;
    private final PaymentTimeouts timeouts;
    private final IdempotentRequests idempotent;
    private final OrderProperties properties;

    OrderTaking(
            Orders orders,
            ItemCatalog catalog,
            Peers.Addresses addresses,
            Peers.CartContents carts,
            Peers.DeliveryOptions delivery,
            Inventory inventory,
            Payments payments,
            PaymentTimeouts timeouts,
            IdempotentRequests idempotent,
            OrderProperties properties) {
        this.orders = orders;
        this.catalog = catalog;
        this.addresses = addresses;
        this.carts = carts;
        this.delivery = delivery;
        this.inventory = inventory;
        this.payments = payments;
        this.timeouts = timeouts;
        this.idempotent = idempotent;
        this.properties = properties;
    }

    OrderView take(String userId, String authorization, String key, Request request) {
        String scope = "order:" + userId;
        var earlier = idempotent.earlierAnswer(scope, key, request, Taken.class);
        if (earlier.isPresent()) {
            return earlier.get().orElseThrow();
        }
        List<Pricing.Wanted> wanted = request.lines() == null ? carts.of(authorization) : request.lines();
        checkLimits(wanted);
        String pincode = addresses.pincodeOf(userId, request.addressId());
        Pricing.Priced priced = Pricing.price(
                wanted, catalog.find(wanted.stream().map(Pricing.Wanted::itemId).toList()));
        Map<String, List<String>> candidates = delivery.candidates(
                pincode, wanted.stream().map(Pricing.Wanted::itemId).toList());
        String orderId = key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((userId + "\n" + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
        Order created;
        try {
            created = orders.create(new Orders.NewOrder(
                    orderId,
                    userId,
                    request.addressId(),
                    pincode,
                    request.paymentMethod(),
                    priced.total(),
                    priced.lines()));
        } catch (DuplicateKeyException takenMeanwhile) {
            return idempotent
                    .earlierAnswer(scope, key, request, Taken.class)
                    .orElseThrow(() -> ApiProblem.conflict(
                                    "order-in-progress",
                                    "An order with this Idempotency-Key is being taken; retry shortly for its answer")
                            .with("orderId", orderId))
                    .orElseThrow();
        }
        Taken taken = reserveAndRequestPayment(created, candidates);
        // The order's id is derived from the key, so taking it again cannot make a second order: only the
        // answer is kept (a concurrent retry that stored one first wins, and both answer the same).
        return idempotent.remember(scope, key, request, Taken.class, taken).orElseThrow();
    }

    private Taken reserveAndRequestPayment(Order order, Map<String, List<String>> candidates) {
        String orderId = order.orderId();
        List<Refused> undeliverable = order.lines().stream()
                .filter(line ->
                        candidates.getOrDefault(line.itemId(), List.of()).isEmpty())
                .map(line -> new Refused(line.itemId(), line.quantity()))
                .toList();
        if (!undeliverable.isEmpty()) {
            orders.transition(orderId, CREATED, CANCELLED, UNDELIVERABLE);
            return refused(
                    orderId,
                    "undeliverable",
                    "Nothing in stock reaches pincode " + order.pincode() + " for " + undeliverable.size()
                            + " line(s); the order was cancelled",
                    undeliverable);
        }
        Inventory.Reserved reserved;
        try {
            reserved = inventory.reserve(
                    orderId,
                    order.lines().stream()
                            .map(line ->
                                    new Inventory.Line(line.itemId(), line.quantity(), candidates.get(line.itemId())))
                            .toList(),
                    properties.reservationTtl());
        } catch (ApiProblem unavailable) {
            abandon(orderId, INVENTORY_UNAVAILABLE);
            throw unavailable;
        }
        if (!reserved.succeeded()) {
            orders.transition(orderId, CREATED, CANCELLED, OUT_OF_STOCK);
            var shortItems = new HashSet<>(reserved.shortItems());
            return refused(
                    orderId,
                    "out-of-stock",
                    "Not enough stock for " + shortItems.size() + " line(s); the order was cancelled",
                    order.lines().stream()
                            .filter(line -> shortItems.contains(line.itemId()))
                            .map(line -> new Refused(line.itemId(), line.quantity()))
                            .toList());
        }
        Payments.Payment payment;
        try {
            payment = payments.create(orderId, order.userId(), order.total(), order.paymentMethod());
        } catch (ApiProblem unavailable) {
            abandon(orderId, PAYMENT_UNAVAILABLE);
            throw unavailable;
        }
        // Due time stored before the Redis key: a crash in between leaves an order the sweeper finds.
        Instant due = Instant.now().plus(properties.paymentTimeout());
        Order pending = orders.awaitPayment(
                        order, reserved.warehouseByItem(), payment.paymentId(), payment.redirectUrl(), due)
                // No longer CREATED: another move won meanwhile (it released the stock); answer what it left.
                .orElseGet(() -> orders.find(orderId).orElseThrow());
        timeouts.start(orderId, properties.paymentTimeout());
        return new Taken(OrderView.of(pending), null, null, null);
    }

    /** A peer failed mid-way: give back whatever was reserved (release is idempotent), then CANCELLED. */
    private void abandon(String orderId, String reason) {
        try {
            inventory.release(orderId);
        } catch (ApiProblem stillDown) {
            log.warn("Order {}: release failed ({}); inventory's own expiry frees the stock", orderId, reason);
        }
        orders.transition(orderId, CREATED, CANCELLED, reason);
    }

    private Taken refused(String orderId, String type, String detail, List<Refused> lines) {
        return new Taken(OrderView.of(orders.find(orderId).orElseThrow()), type, detail, lines);
    }

    private void checkLimits(List<Pricing.Wanted> wanted) {
        if (wanted.isEmpty() || wanted.size() > properties.maxLines()) {
            throw ApiProblem.badRequest("order-line-limit", "An order has 1 to " + properties.maxLines() + " lines")
                    .with("limit", properties.maxLines());
        }
        if (wanted.stream().map(Pricing.Wanted::itemId).distinct().count() != wanted.size()) {
            throw ApiProblem.badRequest("duplicate-line", "Each item may appear in one line only");
        }
        for (Pricing.Wanted line : wanted) {
            if (line.quantity() < 1 || line.quantity() > properties.maxQuantityPerLine()) {
                throw ApiProblem.badRequest(
                                "quantity-limit",
                                "Each line orders 1 to " + properties.maxQuantityPerLine() + " of its item")
                        .with("limit", properties.maxQuantityPerLine())
                        .with("itemId", line.itemId());
            }
        }
    }

    static ApiProblem keyRequired() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "idempotency-key-required",
                "Idempotency-Key required",
                "Send an Idempotency-Key header (a UUID, say) so that a retry never orders twice");
    }
}
