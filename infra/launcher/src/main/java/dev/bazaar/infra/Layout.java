package dev.bazaar.infra;

import java.nio.file.Path;

/**
 * Where things live: the repository (for the built server artifacts and config templates under
 * {@code infra/}) and the one data dir that holds every server's data, logs and pid file, so a
 * single {@code rm -rf .bazaar} resets the whole local environment.
 */
final class Layout {

    private final Path repo;
    private final Path home;

    private Layout(Path repo, Path home) {
        this.repo = repo;
        this.home = home;
    }

    static Layout fromEnvironment() {
        Path repo = Path.of(System.getProperty("bazaar.repo", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        String configuredHome = System.getenv("BAZAAR_HOME");
        Path home = configuredHome == null || configuredHome.isBlank()
                ? repo.resolve(".bazaar")
                : Path.of(configuredHome).toAbsolutePath().normalize();
        return new Layout(repo, home);
    }

    Path repo() {
        return repo;
    }

    Path home() {
        return home;
    }

    /** A folder of the infra build, e.g. {@code infra/kafka}. */
    Path infraModule(String module) {
        return repo.resolve("infra").resolve(module);
    }

    ServerHome serverHome(String server) {
        return new ServerHome(home.resolve(server));
    }

    /** The command that rebuilds what a missing artifact would have come from. */
    static String buildHint() {
        return "build the servers with ./mvnw -q -f infra/pom.xml package -DskipTests (./bazaar does this for you)";
    }
}
