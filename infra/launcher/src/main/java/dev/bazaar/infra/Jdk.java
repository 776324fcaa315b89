package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a JDK of a minimum feature version, for servers newer than the project's Java 17. */
final class Jdk {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdk() {}

    /** {@code envVar} wins when set (and is checked); otherwise the newest suitable JDK under /usr/lib/jvm. */
    static Optional<Path> find(String envVar, int minimumVersion) {
        String configured = System.getenv(envVar);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            int version = featureVersion(home);
            if (version < minimumVersion) {
                throw new LaunchException(envVar + "=" + configured + " is "
                        + (version == 0 ? "not a JDK (no bin/java and release file)" : "Java " + version)
                        + ", but Java " + minimumVersion + "+ is needed");
            }
            return Optional.of(home);
        }
        Path best = null;
        int bestVersion = 0;
        try (DirectoryStream<Path> jdks = Files.newDirectoryStream(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks) {
                int version = featureVersion(jdk);
                if (version >= minimumVersion && version > bestVersion && !Files.isSymbolicLink(jdk)) {
                    best = jdk;
                    bestVersion = version;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(best);
    }

    /** The feature version from the JDK's {@code release} file, or 0 if it is not a JDK. */
    static int featureVersion(Path home) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
