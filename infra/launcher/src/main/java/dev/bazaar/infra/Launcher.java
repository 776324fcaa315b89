package dev.bazaar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ./bazaar infra}: starts, reports, stops and shows the logs of the local
 * backing servers. Servers outlive this process; everything it knows about them it reads back
 * from the data dir and /proc on each call.
 */
public final class Launcher {

    private static final int USAGE = 2;

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        System.exit(run(args));
    }

    static int run(String[] args) throws InterruptedException, IOException {
        if (args.length == 0) {
            return usage();
        }
        Layout layout = Layout.fromEnvironment();
        ServerCatalogue catalogue = new ServerCatalogue(layout);
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "up":
                    return new Startup(startTimeout(), System.out, System.err).up(catalogue.select(rest));
                case "down":
                    return new Shutdown(System.out).down(catalogue.select(rest));
                case "status":
                    return new StatusReport(System.out).print(catalogue.select(rest));
                case "logs":
                    return logs(catalogue, rest);
                case "help":
                case "-h":
                case "--help":
                    usage(System.out);
                    return 0;
                default:
                    return usage();
            }
        } catch (LaunchException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** {@code logs NAME [-f]}: tail is the tool people know; following stops on Ctrl-C. */
    private static int logs(ServerCatalogue catalogue, List<String> args) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>(args);
        boolean follow = names.remove("-f") | names.remove("--follow");
        if (names.size() != 1) {
            System.err.println("usage: logs NAME [-f]   (NAME is one of: " + catalogue.names() + ")");
            return USAGE;
        }
        Server server = catalogue.select(names).get(0);
        Path log = server.logFile();
        if (!Files.exists(log)) {
            System.err.println(server.name() + " has no log yet at " + log + " (start it with ./bazaar infra up "
                    + server.name() + ")");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of("tail", "-n", "200"));
        if (follow) {
            command.add("-F");
        }
        command.add(log.toString());
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static Duration startTimeout() {
        String value = System.getenv("BAZAAR_INFRA_TIMEOUT");
        try {
            return Duration.ofSeconds(value == null || value.isBlank() ? 120 : Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new LaunchException("BAZAAR_INFRA_TIMEOUT=" + value + " is not a number of seconds");
        }
    }

    private static int usage() {
        usage(System.err);
        return USAGE;
    }

    private static void usage(java.io.PrintStream stream) {
        stream.println("""
                usage: bazaar infra <command> [server...]

                  up [server...]       start all (or the named) servers in parallel and wait until each answers its protocol
                  down [server...]     stop them (SIGTERM, then SIGKILL after 20 s)
                  status [server...]   health, pid and memory of each; exit 3 unless all are up
                  logs NAME [-f]       last 200 lines of a server's log (-f follows it)

                servers: kafka, elasticsearch, mongo, mariadb, redis, cassandra, greenmail
                data dir: $BAZAAR_HOME (default <repo>/.bazaar); ports: BAZAAR_<SERVER>_PORT, see infra/README.md""");
    }
}
