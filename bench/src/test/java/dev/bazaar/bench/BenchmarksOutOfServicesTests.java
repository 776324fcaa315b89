package dev.bazaar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark code stays out of the services' jars: it lives in this module, or in a service's test
 * sources when it runs the service's classes in-process. A {@code bench} package under any other
 * module's {@code src/main} would ship in that module's jar.
 */
class BenchmarksOutOfServicesTests {

    @Test
    void noOtherModuleHasABenchPackageInItsMainSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // Surefire runs in bench/
        Path bench = root.resolve("bench");
        List<Path> found;
        try (Stream<Path> modules = Files.walk(root, 2)) {
            found = modules.filter(module -> !module.equals(bench)
                            && !module.getFileName().toString().startsWith("."))
                    .map(module -> module.resolve("src/main"))
                    .filter(Files::isDirectory)
                    .flatMap(BenchmarksOutOfServicesTests::benchPackages)
                    .map(root::relativize)
                    .toList();
        }
        assertEquals(
                List.of(), found, "benchmark packages in main sources (move them to bench/ or the module's src/test)");
    }

    private static Stream<Path> benchPackages(Path main) {
        try (Stream<Path> paths = Files.walk(main)) {
            return paths
                    .filter(path -> Files.isDirectory(path)
                            && path.getFileName().toString().equals("bench"))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
