package dev.bazaar.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import dev.bazaar.contracts.search.ItemSearchIndex;
import dev.bazaar.search.SearchApplication;
import dev.bazaar.search.SearchProperties;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bazaar bench search [--items=100000] [--rate=100] [--seconds=60] [--slice=5] [--warmup=180] [--cost]}:
 * <ol>
 * <li>bulk-indexes a generated catalogue ({@link BenchCatalogue}) into {@code bench-search-items_v1}
 * with the contract mapping (kept between runs when it already holds the same number of documents);</li>
 * <li>starts the real serviceability-service ({@link BenchServiceability}: its jar, the generated
 * demo network, on names of its own) and tells it, through the events inventory and item-service
 * publish, where the items of the catalogue's tail brands are stocked;</li>
 * <li>starts search-service in this JVM against that prefix (HTTP on a free port, real Kafka for
 * the query events, that serviceability-service with search's own 50 ms budget);</li>
 * <li>open loop at a fixed rate: request i is due at t0 + i/rate and its latency is measured from
 * that due time, not from when it was sent, so a stall is charged to every request it delays
 * (no coordinated omission). Slices of {@code --slice} seconds alternate between
 * {@code /api/search} and the raw Elasticsearch {@code _msearch} with exactly the searches the
 * service sends for the same parameters (taken from the service's own query factory), each at the
 * full rate, until each side has had {@code --seconds}.</li>
 * </ol>
 * The mix cycles through text, misspelt, prefix, filtered, faceted, sorted and deep-page queries,
 * and two with a pincode (a shopper's delivery address) over the stocked brands: a sorted browse and a
 * text search, at Mumbai, Delhi, Bengaluru, Kolkata, the hills of Gangtok (BULKY hidden, the page
 * back-filled) and Port Blair (nothing reaches it: every round hidden). Their raw side is the first
 * round's search with the service's larger fetch; the serviceability calls and any back-fill rounds
 * are the service's own cost. An answer whose deliverability is not {@code OK} (serviceability over
 * its budget or down) counts as an error.
 * The warm-up is long (180 s) because the JIT still spends about a tenth of a core compiling this
 * JVM two minutes in, which on two shared cores shows up in every percentile. {@code --cost}
 * instead sends the mix one request at a time and prints what each kind costs.
 */
public final class SearchBenchmark {

    static final String PREFIX = "bench-search-";
    static final String TOPIC_PREFIX = "bench.";
    /** The seed of the documents' draws ({@link BenchCatalogue#document}), shared with the stocking. */
    static final long CATALOGUE_SEED = 11L;

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int items = intArg(args, "--items=", 100_000);
        int rate = intArg(args, "--rate=", 100);
        int seconds = intArg(args, "--seconds=", 60);
        int warmup = intArg(args, "--warmup=", 180);
        int slice = intArg(args, "--slice=", 5);
        String es = "http://" + env("BAZAAR_HOST", "127.0.0.1") + ":" + env("BAZAAR_ELASTICSEARCH_PORT", "19200");
        String kafka = env("BAZAAR_HOST", "127.0.0.1") + ":" + env("BAZAAR_KAFKA_PORT", "19092");
        var executor = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        BenchCatalogue catalogue = new BenchCatalogue(6L);
        ensureCatalogue(http, es, catalogue, items);
        BenchServiceability serviceability = BenchServiceability.start(http, kafka, TOPIC_PREFIX);
        int stocked;
        try {
            stocked = serviceability.stock(catalogue, items, TOPIC_PREFIX);
        } catch (Exception e) {
            serviceability.close();
            throw e;
        }
        System.out.printf(
                "serviceability-service: %s (demo network), %,d items of %d tail brands stocked%n",
                serviceability.baseUrl(), stocked, catalogue.brands.size() - BenchServiceability.TAIL_FROM);

        // Command-line arguments: they outrank the service's application.yml (default properties would not).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SearchApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.elasticsearch.uris=" + es,
                        "--bazaar.elasticsearch.index-prefix=" + PREFIX,
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--bazaar.kafka.topic-prefix=" + TOPIC_PREFIX,
                        "--bazaar.search.serviceability.url=" + serviceability.baseUrl(),
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=",
                        "--management.tracing.sampling.probability=0.0");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var bench = new SearchBenchmark(http, es, "http://127.0.0.1:" + port, serviceability.baseUrl(), app);
            List<Query> mix = bench.mix(catalogue);
            System.out.printf(
                    "query mix: %d distinct requests (text, misspelt, prefix, filtered, faceted, sorted, deep page,"
                            + " pincode browse, pincode text: %d with a pincode)%n",
                    mix.size(), mix.stream().filter(Query::pincode).count());
            System.out.printf(
                    "  the service's back-fill takes 2 or more Elasticsearch rounds for %d of them"
                            + " (the raw side sends the same rounds one after the other)%n",
                    mix.stream().filter(q -> q.rawRounds().size() > 1).count());
            if (List.of(args).contains("--cost")) {
                bench.cost(mix);
                return;
            }
            System.out.printf("warm-up: %d s at %d req/s ...%n", warmup, rate);
            bench.run(mix, rate, warmup / 2, slice, false);
            System.out.printf(
                    "measuring: %d s of each at %d req/s, %d s slices alternating /api/search and the same "
                            + "searches raw to Elasticsearch ...%n",
                    seconds, rate, slice);
            bench.run(mix, rate, seconds, slice, true);
        } finally {
            app.close();
            serviceability.close();
            executor.shutdownNow();
        }
    }

    /**
     * @param rawRounds the {@code _msearch} bodies the service sends for it, one per round trip: one,
     *     or with a pincode as many as the service's back-fill takes (sent one after the other)
     */
    record Query(String label, String serviceUrl, List<String> rawRounds) {

        boolean pincode() {
            return label.startsWith("pincode");
        }
    }

    private final HttpClient http;
    private final String es;
    private final String service;
    private final SearchParamsParser parser;
    private final SearchQueryFactory factory;
    private final JsonpMapper mapper;
    private final String serviceability;
    private final int backfillRounds;

    SearchBenchmark(
            HttpClient http, String es, String service, String serviceability, ConfigurableApplicationContext app) {
        this.http = http;
        this.es = es;
        this.service = service;
        this.serviceability = serviceability;
        this.backfillRounds = app.getBean(SearchProperties.class).backfillRounds();
        this.parser = app.getBean(SearchParamsParser.class);
        this.factory = app.getBean(SearchQueryFactory.class);
        this.mapper = app.getBean(co.elastic.clients.elasticsearch.ElasticsearchClient.class)
                ._jsonpMapper();
    }

    List<Query> mix(BenchCatalogue catalogue) throws Exception {
        Random random = new Random(7);
        List<Query> mix = new ArrayList<>();
        String[] sorts = {"price_asc", "price_desc", "rating", "newest"};
        List<String> tail = catalogue.brands.subList(BenchServiceability.TAIL_FROM, catalogue.brands.size());
        String[] pincodes = {
            BenchServiceability.METRO,
            "110001",
            "560001",
            BenchServiceability.HILLS,
            "700001",
            BenchServiceability.REMOTE
        };
        for (int i = 0; i < 40; i++) {
            String noun = BenchCatalogue.NOUNS[i % BenchCatalogue.NOUNS.length];
            String adjective = BenchCatalogue.ADJECTIVES[random.nextInt(BenchCatalogue.ADJECTIVES.length)];
            String brand = catalogue.brands.get(random.nextInt(40));
            String category = BenchCatalogue.category(random.nextInt(BenchCatalogue.TOP.length), random.nextInt(5), 0);
            String top = category.split(">>")[0];
            mix.add(query("text", "q", adjective.toLowerCase() + " " + noun.toLowerCase()));
            mix.add(query("misspelt", "q", misspell(noun, random)));
            mix.add(query(
                    "prefix", "q", noun.substring(0, Math.min(4, noun.length())).toLowerCase()));
            mix.add(query(
                    "filtered",
                    "q",
                    noun.toLowerCase(),
                    "category",
                    top,
                    "brand",
                    brand,
                    "minPrice",
                    "50000",
                    "maxPrice",
                    "2000000"));
            mix.add(query(
                    "faceted",
                    "category",
                    category.substring(0, category.lastIndexOf(">>")),
                    "attr.Color",
                    BenchCatalogue.COLOURS[random.nextInt(BenchCatalogue.COLOURS.length)],
                    "attr.Ideal For",
                    BenchCatalogue.FOR[random.nextInt(BenchCatalogue.FOR.length)]));
            mix.add(query("sorted", "q", noun.toLowerCase(), "sort", sorts[i % sorts.length]));
            mix.add(deepPage(sorts[i % sorts.length], top, 100 + random.nextInt(300)));
            // Tail brands near its start have items enough for a page or two; most of the long tail has none.
            String[] browse = {"pincode", pincodes[i % pincodes.length], "sort", sorts[(i + 1) % sorts.length]};
            mix.add(query("pincode-browse", withBrands(browse, tail, random, 10)));
            String[] text = {"pincode", pincodes[(i + 3) % pincodes.length], "q", noun.toLowerCase()};
            mix.add(query("pincode-text", withBrands(text, tail, random, 20)));
        }
        return mix;
    }

    /** {@code params} and {@code brands} brand filters drawn from the first 60 of {@code tail}. */
    private static String[] withBrands(String[] params, List<String> tail, Random random, int brands) {
        List<String> all = new ArrayList<>(List.of(params));
        for (int b = 0; b < brands; b++) {
            all.add("brand");
            all.add(tail.get(random.nextInt(Math.min(60, tail.size()))));
        }
        return all.toArray(String[]::new);
    }

    /** A page far down a category, reached the way a client does: the cursor of a previous answer. */
    private Query deepPage(String sort, String category, int page) throws Exception {
        String url = url("category", category, "sort", sort, "size", "20", "page", String.valueOf(Math.min(page, 499)));
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !answer.path("nextAfter").isString()) {
            throw new IllegalStateException("deep page setup failed: " + response.statusCode() + " " + url + " → "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return query(
                "deep-page",
                "category",
                category,
                "sort",
                sort,
                "size",
                "20",
                "after",
                answer.path("nextAfter").stringValue());
    }

    private Query query(String label, String... params) throws Exception {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            map.add(params[i], params[i + 1]);
        }
        SearchParams parsed = parser.parse(map);
        int from = parsed.after() == null ? parsed.page() * parsed.size() : 0;
        // With a pincode the service fetches twice the page (ItemSearch), to fill it despite hidden items.
        int fetch = parsed.pincode() == null
                ? parsed.size()
                : Math.max(parsed.size(), Math.min(parsed.size() * 2, ServiceabilityClient.MAX_BATCH));
        List<FieldValue> resumeAfter =
                parsed.after() == null ? null : parsed.after().values();
        List<String> rounds = new ArrayList<>();
        rounds.add(ndjson(factory.round(parsed, from, fetch, resumeAfter, true)));
        if (parsed.pincode() != null) {
            // The rounds the service takes: ItemSearch's back-fill, replayed here with the real
            // serviceability's answers, so the raw side sends the same searches one after the other.
            int shown = 0;
            for (int round = 0; round < backfillRounds; round++) {
                JsonNode hits = firstResponse(rounds.get(round)).path("hits").path("hits");
                Set<String> hidden = undeliverable(parsed.pincode(), hits);
                boolean more = hits.size() == fetch;
                JsonNode lastConsumed = null;
                for (JsonNode hit : hits) {
                    if (shown == parsed.size()) {
                        more = true;
                        break;
                    }
                    lastConsumed = hit.path("sort");
                    if (!hidden.contains(hit.path("_id").asString())) {
                        shown++;
                    }
                }
                if (!more || shown == parsed.size() || round + 1 == backfillRounds) {
                    break;
                }
                rounds.add(ndjson(factory.round(parsed, 0, fetch, fieldValues(lastConsumed), false)));
            }
        }
        return new Query(label, url(params), List.copyOf(rounds));
    }

    private String ndjson(List<RequestItem> searches) {
        StringBuilder ndjson = new StringBuilder();
        for (RequestItem search : searches) {
            ndjson.append(JsonpUtils.toJsonString(search.header(), mapper))
                    .append('\n')
                    .append(JsonpUtils.toJsonString(search.body(), mapper))
                    .append('\n');
        }
        return ndjson.toString();
    }

    private JsonNode firstResponse(String ndjson) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + PREFIX + ItemSearchIndex.ALIAS + "/_msearch"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response);
        return JSON.readTree(response.body()).path("responses").path(0);
    }

    /** The hits serviceability says cannot reach the pincode (the ones search hides), as the starter reads it. */
    private Set<String> undeliverable(String pincode, JsonNode hits) throws Exception {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asString()));
        Set<String> hidden = new HashSet<>();
        if (ids.isEmpty()) {
            return hidden;
        }
        var response = http.send(
                HttpRequest.newBuilder(URI.create(serviceability + "/api/serviceability/batch"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("pincode", pincode, "itemIds", ids))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response);
        for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            if (!item.path("deliverable").booleanValue()
                    && !"UNKNOWN_ITEM".equals(item.path("reason").asString(""))) {
                hidden.add(item.path("itemId").asString());
            }
        }
        return hidden;
    }

    private static List<FieldValue> fieldValues(JsonNode sort) {
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode value : sort) {
            if (value.isIntegralNumber()) {
                values.add(FieldValue.of(value.longValue()));
            } else if (value.isNumber()) {
                values.add(FieldValue.of(value.doubleValue()));
            } else if (value.isBoolean()) {
                values.add(FieldValue.of(value.booleanValue()));
            } else if (value.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                values.add(FieldValue.of(value.asString()));
            }
        }
        return values;
    }

    private String url(String... params) {
        StringBuilder url = new StringBuilder(service).append("/api/search?");
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.append(i == 0 ? "" : "&")
                    .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private static String misspell(String word, Random random) {
        char[] letters = word.toLowerCase().toCharArray();
        int at = 1 + random.nextInt(letters.length - 2);
        char swap = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swap;
        return new String(letters);
    }

    /**
     * {@code rate} requests per second at every moment, in slices of {@code slice} seconds that
     * alternate between /api/search and the same queries sent raw to Elasticsearch, until each side
     * has had {@code seconds} seconds: both face the full rate, in the same minutes, with the same
     * queries in the same order.
     */
    void run(List<Query> mix, int rate, int seconds, int slice, boolean report) throws Exception {
        int perSlice = rate * slice;
        int perSide = Math.max(1, seconds / slice) * perSlice;
        AtomicLongArray serviceNanos = new AtomicLongArray(perSide);
        AtomicLongArray rawNanos = new AtomicLongArray(perSide);
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(perSide * 2);
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 200_000_000L;
        URI raw = URI.create(es + "/" + PREFIX + ItemSearchIndex.ALIAS + "/_msearch");
        for (int n = 0; n < 2 * perSide; n++) {
            int sliceNumber = n / perSlice;
            int i = sliceNumber / 2 * perSlice + n % perSlice; // this request's place on its side
            Query query = mix.get(i % mix.size());
            long due = t0 + n * period;
            sleepUntil(due);
            if (sliceNumber % 2 == 0) {
                send(
                        HttpRequest.newBuilder(URI.create(query.serviceUrl()))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        due,
                        serviceNanos,
                        i,
                        errors,
                        done);
            } else {
                sendRounds(raw, query.rawRounds(), 0, due, rawNanos, i, errors, done);
            }
        }
        done.await();
        if (report) {
            long[] service = sorted(serviceNanos);
            long[] elastic = sorted(rawNanos);
            double serviceP99 = millis(percentile(service, 99));
            double rawP99 = millis(percentile(elastic, 99));
            System.out.printf(
                    "requests: %d to /api/search, %d raw (%d req/s at any time, %d s slices); errors: %d%n",
                    perSide, perSide, rate, slice, errors.get());
            System.out.printf(
                    "  /api/search       p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n",
                    millis(percentile(service, 50)),
                    millis(percentile(service, 90)),
                    serviceP99,
                    millis(service[service.length - 1]));
            System.out.printf(
                    "  raw Elasticsearch p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (same searches, same run)%n",
                    millis(percentile(elastic, 50)),
                    millis(percentile(elastic, 90)),
                    rawP99,
                    millis(elastic[elastic.length - 1]));
            long[] servicePincode = sorted(serviceNanos, mix, true);
            long[] rawPincode = sorted(rawNanos, mix, true);
            System.out.printf(
                    "  with a pincode:   /api/search p50 %7.2f ms   p99 %7.2f ms;   raw p50 %7.2f ms   p99 %7.2f ms"
                            + "   (%d of each)%n",
                    millis(percentile(servicePincode, 50)),
                    millis(percentile(servicePincode, 99)),
                    millis(percentile(rawPincode, 50)),
                    millis(percentile(rawPincode, 99)),
                    servicePincode.length);
            System.out.printf(
                    "  p99 target <= 50 ms: %s;  service/raw at p99: %.2fx, target <= 2x: %s%n",
                    serviceP99 <= 50 ? "MET" : "NOT MET",
                    serviceP99 / rawP99,
                    serviceP99 <= 2 * rawP99 ? "MET" : "NOT MET");
        }
    }

    /**
     * One request at a time, so nothing queues: what each kind of query costs Elasticsearch
     * ({@code took}, its own server-side time) and the service (its wall time over the raw one).
     */
    void cost(List<Query> mix) throws Exception {
        URI raw = URI.create(es + "/" + PREFIX + ItemSearchIndex.ALIAS + "/_msearch");
        Map<String, List<Long>> took = new TreeMap<>();
        Map<String, List<Long>> rawWall = new TreeMap<>();
        Map<String, List<Long>> serviceWall = new TreeMap<>();
        for (int round = 0; round < 4; round++) {
            for (Query query : mix) {
                long start = System.nanoTime();
                long tookMillis = 0;
                for (String body : query.rawRounds()) {
                    var response = http.send(
                            HttpRequest.newBuilder(raw)
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    check(response);
                    tookMillis += JSON.readTree(response.body()).path("took").asLong();
                }
                long rawNanos = System.nanoTime() - start;
                start = System.nanoTime();
                check(http.send(
                        HttpRequest.newBuilder(URI.create(query.serviceUrl())).build(),
                        HttpResponse.BodyHandlers.ofString()));
                long serviceNanos = System.nanoTime() - start;
                if (round > 0) {
                    took.computeIfAbsent(query.label(), k -> new ArrayList<>()).add(tookMillis);
                    rawWall.computeIfAbsent(query.label(), k -> new ArrayList<>())
                            .add(rawNanos);
                    serviceWall
                            .computeIfAbsent(query.label(), k -> new ArrayList<>())
                            .add(serviceNanos);
                }
            }
        }
        System.out.println("one at a time, 3 rounds of the mix: mean Elasticsearch took / raw wall / service wall");
        took.forEach((label, values) -> System.out.printf(
                "  %-14s took %6.1f ms   raw %6.1f ms   service %6.1f ms%n",
                label,
                values.stream().mapToLong(Long::longValue).average().orElse(0),
                rawWall.get(label).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
                serviceWall.get(label).stream()
                                .mapToLong(Long::longValue)
                                .average()
                                .orElse(0)
                        / 1e6));
    }

    /** The rounds one after the other, as the service sends them; the latency is the last one's end. */
    private void sendRounds(
            URI raw,
            List<String> rounds,
            int round,
            long due,
            AtomicLongArray latencies,
            int i,
            AtomicInteger errors,
            CountDownLatch done) {
        HttpRequest request = HttpRequest.newBuilder(raw)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(rounds.get(round)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            boolean failed = error != null || response.statusCode() != 200 || failedSearch(response.body());
            if (!failed && round + 1 < rounds.size()) {
                sendRounds(raw, rounds, round + 1, due, latencies, i, errors, done);
                return;
            }
            latencies.set(i, System.nanoTime() - due);
            if (failed) {
                errors.incrementAndGet();
            }
            done.countDown();
        });
    }

    private void send(
            HttpRequest request,
            long due,
            AtomicLongArray latencies,
            int i,
            AtomicInteger errors,
            CountDownLatch done) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            latencies.set(i, System.nanoTime() - due);
            if (error != null || response.statusCode() != 200 || failedSearch(response.body())) {
                errors.incrementAndGet();
            }
            done.countDown();
        });
    }

    /**
     * An {@code _msearch} answers 200 even when a search in it failed; that one carries an error. A
     * search with a pincode answers 200 with every delivery UNKNOWN when serviceability missed its
     * budget or is down: that is not the answer measured either.
     */
    private static boolean failedSearch(byte[] body) {
        JsonNode answer = JSON.readTree(body);
        String deliverability = answer.path("deliverability").asString("NOT_CHECKED");
        if (!deliverability.equals("OK") && !deliverability.equals("NOT_CHECKED")) {
            return true;
        }
        JsonNode responses = answer.path("responses");
        for (JsonNode response : responses) {
            if (response.has("error")) {
                return true;
            }
        }
        return false;
    }

    private static void ensureCatalogue(HttpClient http, String es, BenchCatalogue catalogue, int items)
            throws Exception {
        String index = PREFIX + ItemSearchIndex.CURRENT_INDEX;
        var count = http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index + "/_count")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (count.statusCode() == 200
                && JSON.readTree(count.body()).path("count").longValue() == items) {
            System.out.printf("catalogue: %,d items already in %s%n", items, index);
            return;
        }
        http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        JsonNode definition = JSON.readTree(ItemSearchIndex.definitionJson());
        ((tools.jackson.databind.node.ObjectNode) definition)
                .putObject("aliases")
                .putObject(PREFIX + ItemSearchIndex.ALIAS);
        ((tools.jackson.databind.node.ObjectNode) definition.path("settings")).put("refresh_interval", "-1");
        check(http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(definition.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        long start = System.nanoTime();
        Random random = new Random(CATALOGUE_SEED);
        for (int from = 0; from < items; from += 5_000) {
            ByteArrayOutputStream bulk = new ByteArrayOutputStream();
            for (int n = from; n < Math.min(items, from + 5_000); n++) {
                Map<String, Object> doc = catalogue.document(n, random);
                bulk.writeBytes(
                        ("{\"index\":{\"_id\":\"" + doc.get("itemId") + "\"}}\n").getBytes(StandardCharsets.UTF_8));
                bulk.writeBytes(JSON.writeValueAsBytes(doc));
                bulk.write('\n');
            }
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(es + "/" + index + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bulk.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            check(response);
            if (JSON.readTree(response.body()).path("errors").booleanValue()) {
                throw new IllegalStateException(
                        "bulk errors: " + response.body().substring(0, 500));
            }
        }
        check(http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index + "/_settings"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"refresh_interval\":\"1s\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        check(http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        check(http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + index + "/_forcemerge?max_num_segments=1"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        System.out.printf(
                "catalogue: %,d items bulk-indexed into %s in %.1f s%n",
                items, index, (System.nanoTime() - start) / 1e9);
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long[] sorted(AtomicLongArray values) {
        long[] array = new long[values.length()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        Arrays.sort(array);
        return array;
    }

    /** The latencies of the requests whose query has ({@code pincode}) or lacks a pincode, sorted. */
    private static long[] sorted(AtomicLongArray values, List<Query> mix, boolean pincode) {
        long[] array = new long[values.length()];
        int n = 0;
        for (int i = 0; i < array.length; i++) {
            if (mix.get(i % mix.size()).pincode() == pincode) {
                array[n++] = values.get(i);
            }
        }
        array = Arrays.copyOf(array, n);
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void sleepUntil(long due) throws InterruptedException {
        // parkNanos, not a spin: the load driver shares two cores with what it measures. Waking a
        // little late costs nothing, because latency counts from the due time.
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("load driver interrupted");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static int intArg(String[] args, String prefix, int fallback) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst()
                .orElse(fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
