package dev.bazaar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real public data sets the tests read and never copy into the repository: the folder
 * {@code $BAZAAR_DATA_DIR}, else {@code ../shared/data} beside the repository root (found from the
 * working directory, so a module's tests and the repository's tools agree). {@code .ci/run} fails
 * when a file is missing, so a test that skips without it never turns CI green by skipping.
 */
public final class SharedData {

    /** A real Flipkart catalogue sample (see {@link FlipkartSampleFile}). */
    public static final String FLIPKART_SAMPLE = "flipkart_com-ecommerce_sample.csv";
    /** 7,113 real Indian pincodes with state, latitude and longitude. */
    public static final String PINCODES = "pincode.csv";

    private SharedData() {}

    /** The file if it is there and readable; tests skip with {@link #missing(String)} otherwise. */
    public static Optional<Path> file(String name) {
        return dir().map(dir -> dir.resolve(name)).filter(Files::isReadable);
    }

    /** The message of a test that skips without the file. */
    public static String missing(String name) {
        return name + " not found in " + dir().map(Path::toString).orElse("../shared/data")
                + " (set BAZAAR_DATA_DIR to the folder holding it): skipped";
    }

    private static Optional<Path> dir() {
        String configured = System.getenv("BAZAAR_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.exists(root.resolve("mvnw")) && Files.exists(root.resolve("bazaar")))) {
            root = root.getParent();
        }
        return Optional.ofNullable(root)
                .map(found -> found.resolve("../shared/data").normalize());
    }
}
