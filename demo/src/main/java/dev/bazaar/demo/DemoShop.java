package dev.bazaar.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./bazaar demo} and the end of {@code ./bazaar up}: imports the generated catalogue as the
 * demo supplier, waits until it is searchable, stocks it in the demo warehouses as the demo OPS user
 * ({@link DemoStock}) and waits until search promises delivery, then prints where to go and how to
 * log in.
 * <pre>
 * --url=URL           gateway (or inbound-service) base URL; default http://127.0.0.1:8080
 * --key=KEY           the demo supplier's API key; default: read from --key-file
 * --key-file=PATH     default $BAZAAR_HOME/inbound/demo-api-key
 * --accounts=PATH     user-service's demo logins; default $BAZAAR_HOME/user-service/demo-ops.txt
 * --out=DIR           where the catalogue file is written; default $BAZAAR_HOME/demo
 * --search-wait=SECS  how long to wait for search to list the catalogue (0: do not wait); default 120
 * --no-import         print the welcome only
 * --no-stock          import, but receive no demo stock (a gateway without inventory-service)
 * </pre>
 * Exits 1 with the reason when the import fails or rejects a row, 2 on a bad argument.
 */
public final class DemoShop {

    /** The misspelt search the welcome suggests ("wireless headphones"): one edit in each word. */
    static final String MISSPELT_SEARCH = "wirless headphnes";
    /**
     * inbound-service and user-service write the key and logins just after they start listening. The
     * loader needs the key, so it waits longer; the welcome alone does not (with BAZAAR_DEMO off the
     * files never come).
     */
    private static final Duration FILE_WAIT = Duration.ofSeconds(60);

    private static final Duration FILE_WAIT_WELCOME = Duration.ofSeconds(10);

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (DemoFailure e) {
            System.err.println("error: demo catalogue not loaded: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Map<String, String> options) {
        Path home = Path.of(System.getenv().getOrDefault("BAZAAR_HOME", ".bazaar"));
        String url = options.getOrDefault("url", "http://127.0.0.1:8080").replaceAll("/+$", "");
        Path keyFile = Path.of(options.getOrDefault(
                "key-file", home.resolve("inbound/demo-api-key").toString()));
        Path accountsFile = Path.of(options.getOrDefault(
                "accounts", home.resolve("user-service/demo-ops.txt").toString()));
        Path catalogueFile = Path.of(
                        options.getOrDefault("out", home.resolve("demo").toString()))
                .resolve("catalogue.json");
        boolean load = !options.containsKey("no-import");

        List<DemoItem> items = DemoCatalogue.standard().items();
        Optional<String> apiKey = Optional.ofNullable(options.get("key"))
                .or(() -> awaitFile(keyFile, load ? FILE_WAIT : FILE_WAIT_WELCOME)
                        .map(String::strip)
                        .filter(key -> !key.isEmpty()));
        if (load) {
            String key = apiKey.orElseThrow(
                    () -> new DemoFailure("no API key: " + keyFile + " was not written within " + FILE_WAIT.toSeconds()
                            + " s (inbound-service writes it at start when BAZAAR_DEMO is on); or pass --key"));
            load(
                    items,
                    url,
                    key,
                    catalogueFile,
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("search-wait", "120"))));
        }
        if (!load) {
            writeCatalogue(items, catalogueFile); // the file the welcome's import command sends
        }
        awaitFile(accountsFile, load ? FILE_WAIT : FILE_WAIT_WELCOME);
        if (load && !options.containsKey("no-stock")) {
            DemoAccounts ops = DemoAccounts.read(accountsFile)
                    .orElseThrow(() -> new DemoFailure("no demo OPS login to stock the catalogue with: " + accountsFile
                            + " was not written within " + FILE_WAIT.toSeconds()
                            + " s (user-service writes it at start when BAZAAR_DEMO is on); or pass --no-stock"));
            new DemoStock(OpsApi.login(url, ops), new ShopSearch(url))
                    .run(items, Duration.ofSeconds(Long.parseLong(options.getOrDefault("search-wait", "120"))));
            System.out.println();
        }
        DemoItem headphones = items.stream()
                .filter(item -> item.supplierSku().startsWith("DEMO-HPH-"))
                .findFirst()
                .orElseThrow();
        System.out.println(new Welcome(
                        url,
                        DemoAccounts.read(accountsFile),
                        accountsFile,
                        apiKey,
                        keyFile,
                        MISSPELT_SEARCH,
                        headphones.itemId(),
                        catalogueFile)
                .text());
    }

    private static void load(List<DemoItem> items, String url, String apiKey, Path catalogueFile, Duration searchWait) {
        long departments = items.stream().map(DemoItem::department).distinct().count();
        System.out.printf(
                "demo catalogue: %,d items in %d departments, sent to %s as %s%n",
                items.size(), departments, url, DemoCatalogue.SUPPLIER_ID);
        Instant start = Instant.now();
        ImportStatus status =
                new DemoImport(new SupplierApi(url, apiKey), Duration.ofMinutes(5)).run(items, catalogueFile);
        ImportStatus.Counts counts = status.counts();
        System.out.printf(
                "  import %s %s in %.1f s: %,d accepted (new or changed), %,d unchanged, %,d rejected%n",
                status.importId(),
                status.status(),
                seconds(start),
                counts.accepted(),
                counts.unchanged(),
                counts.rejected());
        if (searchWait.isZero()) {
            return;
        }
        Instant indexing = Instant.now();
        ShopSearch search = new ShopSearch(url);
        long listed = search.awaitListed(ShopSearch.brandsOf(items), items.size(), searchWait);
        if (listed < items.size()) {
            System.out.printf(
                    "  warning: search lists %,d of the %,d demo items after %d s; search-consumer may still be"
                            + " indexing (./bazaar logs search-consumer)%n",
                    listed, items.size(), searchWait.toSeconds());
            return;
        }
        System.out.printf("  searchable: %,d demo items listed after %.1f s%n", listed, seconds(indexing));
        search.firstHit(MISSPELT_SEARCH)
                .ifPresentOrElse(
                        hit -> System.out.printf(
                                "  the misspelt search \"%s\" finds: %s%n",
                                MISSPELT_SEARCH, hit.path("title").asString()),
                        () -> System.out.printf(
                                "  warning: the misspelt search \"%s\" finds nothing%n", MISSPELT_SEARCH));
        System.out.println();
    }

    private static void writeCatalogue(List<DemoItem> items, Path file) {
        try {
            CatalogueFile.write(items, file);
        } catch (IOException e) {
            throw new DemoFailure("cannot write the demo catalogue to " + file, e);
        }
    }

    /** The file's content once it exists and is not empty, polled for up to {@code wait}. */
    private static Optional<String> awaitFile(Path file, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                if (Files.isReadable(file) && Files.size(file) > 0) {
                    return Optional.of(Files.readString(file));
                }
            } catch (IOException e) {
                // being written: look again
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = options(
                args,
                List.of("url", "key", "key-file", "accounts", "out", "search-wait"),
                List.of("no-import", "no-stock"));
        if (options.containsKey("search-wait") && !options.get("search-wait").matches("\\d+")) {
            throw new IllegalArgumentException("--search-wait takes whole seconds");
        }
        return options;
    }

    /** {@code --name=value} or {@code --name value} for the {@code valued} names, {@code --flag} for the flags. */
    static Map<String, String> options(String[] args, List<String> valued, List<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (flags.contains(name)) {
                value = "";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!valued.contains(name) && !flags.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private DemoShop() {}
}
