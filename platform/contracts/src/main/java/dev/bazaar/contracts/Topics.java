package dev.bazaar.contracts;

/**
 * Kafka topic names (docs/architecture.md, "Kafka topics"). A topic's name carries its schema version: an incompatible
 * change gets a new topic ({@code .v2}) so old consumers keep working while they migrate.
 */
public final class Topics {

    public static final String SUPPLIER_ITEMS = "supplier.items.v1";
    public static final String CATALOG_ITEMS = "catalog.items.v1";
    public static final String INVENTORY_STOCK = "inventory.stock.v1";
    public static final String SEARCH_QUERIES = "search.queries.v1";
    public static final String CART_EVENTS = "cart.events.v1";
    public static final String WISHLIST_EVENTS = "wishlist.events.v1";
    public static final String ORDER_EVENTS = "orders.events.v1";
    public static final String PAYMENT_EVENTS = "payments.events.v1";
    public static final String ANALYTICS_REPORTS = "analytics.reports.v1";
    public static final String RECOMMENDATIONS = "recommendations.v1";

    /** Poison messages of {@code topic} are parked here, with the error in the record headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlt";
    }

    private Topics() {}
}
