package dev.bazaar.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bazaar analytics shoppers} (and the first step of {@code ./bazaar analytics run}): shoppers with
 * tastes go through the gateway as a front-end would, so the analytics jobs have real events to report on and
 * learn from. Each new shopper registers, adds a default address at the demo's metro pincode, and keeps to a
 * favourite department (shoppers are spread over the departments: the segments ALS should find) with now and
 * then an item of another: searches for it, wishlists some, puts some in the cart, and two in three order the
 * cart and pay on the PSP's hosted page. Within a department the first items are picked far more often than
 * the rest (a popularity skew), so there are bestsellers and items bought together.
 * <pre>
 * --url=URL      the gateway; default http://127.0.0.1:8080
 * --count=N      shoppers; default 24
 * --seed=S       the tastes' random seed; default the time
 * --close-minute the last shopper shops after the next whole minute: the live reports publish a window once
 *                an event later than its end arrives (analytics-spark), so the others' minute is then final
 * --login-file=F where to write the last shopper's login (email and password), to see their recommendations
 * </pre>
 * Exits 1 when the shop refuses a step it should take (the step and its answer are printed), 2 on a bad argument.
 */
public final class DemoShoppers {

    static final String PASSWORD = "demo-shopper-2026";
    /** The items of a department a shopper picks from; the first ones far more often (Zipf-like). */
    private static final int POPULAR_ITEMS = 12;
    /** One pick in this many is from another department than the shopper's favourite. */
    private static final int STRAY_ONE_IN = 6;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Random random;
    private final Map<String, List<DemoItem>> departments;

    DemoShoppers(String url, long seed, List<DemoItem> items) {
        this.url = url.replaceAll("/+$", "");
        this.random = new Random(seed);
        this.departments =
                items.stream().collect(Collectors.groupingBy(DemoItem::department, TreeMap::new, Collectors.toList()));
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = DemoShop.options(args, List.of("url", "count", "seed", "login-file"), List.of("close-minute"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        int count = Integer.parseInt(options.getOrDefault("count", "24"));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
        try {
            String login = new DemoShoppers(url, seed, DemoCatalogue.standard().items())
                    .run(count, options.containsKey("close-minute"));
            System.out.println("  sign in as " + login + " (password " + PASSWORD + ") to see one's recommendations");
            if (options.containsKey("login-file")) {
                java.nio.file.Path file = java.nio.file.Path.of(options.get("login-file"));
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(file, login + " " + PASSWORD + "\n");
            }
        } catch (IOException e) {
            System.err.println("error: cannot write the login file: " + e);
            System.exit(1);
        } catch (DemoFailure e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** @return the last shopper's email */
    String run(int count, boolean closeMinute) {
        List<String> names = List.copyOf(departments.keySet());
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant start = Instant.now();
        int searches = 0, wishlisted = 0, carted = 0, orders = 0;
        System.out.printf("demo shoppers: %d shoppers over %d departments, through %s%n", count, names.size(), url);
        String email = null;
        for (int i = 0; i < count; i++) {
            if (closeMinute && i == count - 1) {
                awaitNextMinute();
            }
            String favourite = names.get(i % names.size());
            email = "shopper-" + run + "-" + i + "@demo.bazaar.local";
            String bearer = signUp(email, "Demo Shopper " + (i + 1));
            List<DemoItem> picks = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                picks.add(
                        pick(random.nextInt(STRAY_ONE_IN) == 0 ? names.get(random.nextInt(names.size())) : favourite));
            }
            for (DemoItem item : picks.subList(0, 2)) {
                String words =
                        String.join(" ", List.of(item.title().split("\\s+")).subList(0, 2));
                expect(
                        call("GET", "/api/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), bearer, null),
                        200,
                        "search");
                searches++;
            }
            for (DemoItem item : picks.subList(1, 3)) {
                // 200: the other pick was the same item, already there.
                expect(
                        call("POST", "/api/wishlist/items", bearer, Map.of("itemId", item.itemId())),
                        201,
                        200,
                        "wishlist");
                wishlisted++;
            }
            for (DemoItem item : picks.subList(2, 5).stream().distinct().toList()) {
                expect(
                        call("POST", "/api/cart/items", bearer, Map.of("itemId", item.itemId(), "quantity", 1)),
                        200,
                        "add to cart");
                carted++;
            }
            // Two in three order; the last one always does (with closeMinute its events close the minute).
            if ((i % 3 != 2 || i == count - 1) && order(bearer)) {
                orders++;
            }
        }
        System.out.printf(
                "  in %.1f s: %d searches, %d wishlisted, %d added to carts, %d orders paid%n",
                Duration.between(start, Instant.now()).toMillis() / 1000.0, searches, wishlisted, carted, orders);
        return email;
    }

    private static void awaitNextMinute() {
        Instant next =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(61);
        System.out.printf(
                "  the last shopper waits for %s (the next whole minute), so the reports' windows close%n", next);
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted", e);
        }
    }

    /**
     * The cart as an order (no lines sent: the order is the cart), paid on the PSP's hosted page. False when
     * the shop refuses it as a shop may (an item sold out meanwhile: 409), which the demo reports and goes on.
     */
    private boolean order(String bearer) {
        HttpResponse<String> placed = call(
                "POST",
                "/api/orders",
                bearer,
                Map.of("paymentMethod", "UPI"),
                "Idempotency-Key",
                UUID.randomUUID().toString());
        if (placed.statusCode() == 409) {
            System.out.println("  an order was refused (" + placed.body() + "): that shopper keeps their cart");
            return false;
        }
        JsonNode order = JSON.readTree(expect(placed, 201, "checkout").body());
        String redirect = order.path("payment").path("redirectUrl").asString();
        HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(redirect))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=pay")));
        if (paid.statusCode() >= 400) {
            throw new DemoFailure("paying order " + order.path("orderId").asString() + " on " + redirect + " answered "
                    + paid.statusCode() + ": " + paid.body());
        }
        return true;
    }

    /** A Zipf-like pick: item k of the department with weight 1/(k+1). */
    private DemoItem pick(String department) {
        List<DemoItem> items = departments.get(department);
        int n = Math.min(POPULAR_ITEMS, items.size());
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += 1.0 / (k + 1);
        }
        double r = random.nextDouble() * total;
        for (int k = 0; k < n; k++) {
            r -= 1.0 / (k + 1);
            if (r <= 0) {
                return items.get(k);
            }
        }
        return items.get(n - 1);
    }

    private String signUp(String email, String name) {
        expect(
                call("POST", "/api/users/register", null, Map.of("email", email, "password", PASSWORD, "name", name)),
                201,
                "register " + email);
        HttpResponse<String> login =
                call("POST", "/api/users/login", null, Map.of("email", email, "password", PASSWORD));
        String bearer = "Bearer "
                + JSON.readTree(expect(login, 200, "login " + email).body())
                        .path("accessToken")
                        .asString();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipient", name);
        address.put("line1", "1 Demo Street");
        address.put("city", "Mumbai");
        address.put("state", "Maharashtra");
        address.put("pincode", DemoStock.METRO);
        address.put("makeDefault", true);
        expect(call("POST", "/api/users/me/addresses", bearer, address), 201, "address of " + email);
        return bearer;
    }

    private HttpResponse<String> call(String method, String path, String bearer, Object body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        for (int h = 0; h < headers.length; h += 2) {
            request.header(headers[h], headers[h + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return OpsApi.sendRetrying(http, request.build());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String step) {
        return expect(response, status, status, step);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, int orStatus, String step) {
        if (response.statusCode() != status && response.statusCode() != orStatus) {
            throw new DemoFailure(step + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
