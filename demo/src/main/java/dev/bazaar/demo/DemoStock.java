package dev.bazaar.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Puts the demo catalogue in stock (the {@link StockPlan}) through inventory-service's OPS receipts,
 * as the demo OPS user, in the warehouses of serviceability's network; then waits until search
 * promises delivery to a metro pincode and hides everything from a pincode nothing reaches.
 * inventory-service announces each receipt on {@code inventory.stock.v1}, from which serviceability
 * learns where each item is and search-consumer that it is in stock.
 */
final class DemoStock {

    /** Mumbai, a metro with a warehouse in serviceability's demo network. */
    static final String METRO = "400001";
    /** Port Blair: in the demo network, but no lane or last mile reaches it. */
    static final String REMOTE = "744101";

    /** Receipts in flight at once; the gateway's per-user rate limit (429, retried) sets the pace. */
    private static final int PARALLEL = 8;

    private final OpsApi ops;
    private final ShopSearch search;

    DemoStock(OpsApi ops, ShopSearch search) {
        this.ops = ops;
        this.search = search;
    }

    void run(List<DemoItem> items, Duration searchWait) {
        Instant start = Instant.now();
        StockPlan plan = StockPlan.of(items, ops.warehouses());
        int inTwo = plan.receipts().size() - (plan.items() - plan.outOfStock());
        if (!stock(plan)) {
            System.out.printf(
                    "  stock: already received (the plan's last receipt, %s, is in); nothing sent%n",
                    plan.sentinel().receiptId());
        } else {
            System.out.printf(
                    "  stock: %,d receipts in %.1f s: %,d items in %d warehouses (%,d of them in two), %,d out of stock"
                            + " (every %dth)%n",
                    plan.receipts().size(),
                    seconds(start),
                    plan.items() - plan.outOfStock(),
                    plan.warehouses().size(),
                    inTwo,
                    plan.outOfStock(),
                    StockPlan.OUT_OF_STOCK_EVERY);
        }
        if (!searchWait.isZero()) {
            awaitDeliverability(items, searchWait);
        }
    }

    /**
     * Sends the plan's receipts, the last one after all the others.
     * @return false when nothing was sent: inventory-service already had the last receipt
     */
    boolean stock(StockPlan plan) {
        StockPlan.Receipt sentinel = plan.sentinel();
        if (ops.everReceived(sentinel.itemId(), sentinel.warehouseId())) {
            return false;
        }
        receiveAll(plan.receipts().subList(0, plan.receipts().size() - 1));
        ops.receive(sentinel);
        return true;
    }

    private void receiveAll(List<StockPlan.Receipt> receipts) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = java.util.stream.IntStream.range(0, PARALLEL)
                    .<Future<?>>mapToObj(w -> pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < receipts.size(); i = next.getAndIncrement()) {
                            ops.receive(receipts.get(i));
                        }
                    }))
                    .toList();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            next.set(Integer.MAX_VALUE); // the other workers stop after their current receipt
            throw e.getCause() instanceof DemoFailure failure
                    ? failure
                    : new DemoFailure("stocking failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while stocking", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Polls search for the demo brands at the metro and the remote pincode until the metro page shows
     * only deliverable items with an ETA and the remote page shows nothing: serviceability and
     * search-consumer take the stock events in their own time. Not seeing it in time is a warning.
     */
    private void awaitDeliverability(List<DemoItem> items, Duration wait) {
        Instant start = Instant.now();
        Instant deadline = start.plus(wait);
        List<String> brands = ShopSearch.brandsOf(items);
        JsonNode metro = null;
        JsonNode remote = null;
        while (Instant.now().isBefore(deadline)) {
            metro = search.atPincode(brands, METRO).orElse(null);
            remote = search.atPincode(brands, REMOTE).orElse(null);
            if (allDeliverable(metro) && hidesAll(remote)) {
                JsonNode first = metro.path("items").path(0);
                System.out.printf(
                        "  deliverable: at pincode %s search shows \"%s\" arriving in %d h (%s), after %.1f s%n",
                        METRO,
                        first.path("title").asString(),
                        first.path("delivery").path("etaHours").asInt(),
                        first.path("delivery").path("promiseDate").asString(),
                        seconds(start));
                System.out.printf(
                        "  hidden: at pincode %s (nothing reaches it) none of the %,d demo matches is shown%n",
                        REMOTE, remote.path("total").asLong());
                return;
            }
            ShopSearch.pause();
        }
        System.out.printf(
                "  warning: after %d s search does not yet show the stock (pincode %s: %s; pincode %s: %s);"
                        + " serviceability-service may still be consuming inventory.stock.v1"
                        + " (./bazaar logs serviceability-service)%n",
                wait.toSeconds(), METRO, summary(metro), REMOTE, summary(remote));
    }

    private static String summary(JsonNode page) {
        if (page == null) {
            return "no answer";
        }
        StringBuilder statuses = new StringBuilder();
        page.path("items")
                .forEach(item -> statuses.append(' ')
                        .append(item.path("delivery").path("status").asString()));
        return "deliverability " + page.path("deliverability").asString() + ", "
                + page.path("items").size() + " shown:" + statuses;
    }

    static boolean allDeliverable(JsonNode page) {
        if (page == null
                || !"OK".equals(page.path("deliverability").asString())
                || page.path("items").isEmpty()) {
            return false;
        }
        for (JsonNode item : page.path("items")) {
            JsonNode delivery = item.path("delivery");
            if (!"DELIVERABLE".equals(delivery.path("status").asString())
                    || delivery.path("etaHours").asInt(0) <= 0) {
                return false;
            }
        }
        return true;
    }

    static boolean hidesAll(JsonNode page) {
        return page != null
                && "OK".equals(page.path("deliverability").asString())
                && page.path("total").asLong() > 0
                && page.path("items").isEmpty();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
