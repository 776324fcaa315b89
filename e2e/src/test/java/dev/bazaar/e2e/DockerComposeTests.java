package dev.bazaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml checked without a Docker daemon (README, Docker): what it hands each service is
 * something that service reads, its images are pinned, nothing is published beyond 127.0.0.1, no
 * secret is committed, every store keeps its data in a named volume, and Debian's docker-compose
 * 1.29 accepts the file ({@code config -q}) and refuses it while a secret is unset.
 */
class DockerComposeTests {

    /** JVM variables: read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /**
     * Spring Boot properties every service binds that need not appear in its own configuration, as
     * their relaxed environment form would name them (SERVER_PORT, SPRING_PROFILES_ACTIVE).
     */
    private static final Set<String> CORE_PROPERTIES = Set.of("server.port", "spring.profiles.active");

    /** Where each stateful container keeps its data. Redis keeps nothing (see the file's header). */
    private static final Map<String, String> STORES = Map.of(
            "kafka", "/var/lib/kafka/data",
            "elasticsearch", "/usr/share/elasticsearch/data",
            "mongo", "/data/db",
            "mariadb", "/var/lib/mysql",
            "cassandra", "/var/lib/cassandra",
            "user-service", "/data",
            "inbound-service", "/data");

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("a docker-compose.yml above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        root = dir;
        compose = yaml(root.resolve("docker-compose.yml"));
    }

    @Test
    void everyServiceVariableIsOneTheServiceReads() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String service : bazaarServices()) {
            Path module = root.resolve(service);
            assertThat(module.resolve("pom.xml"))
                    .as("module of compose service %s", service)
                    .exists();
            Readable readable = readableBy(module);
            for (String variable : environment(service).keySet()) {
                if (!JVM_VARIABLES.contains(variable) && !readable.reads(variable)) {
                    unknown.add(service + ": " + variable);
                }
            }
        }
        assertThat(unknown)
                .as(
                        "variables in docker-compose.yml that the service neither reads as a ${NAME} "
                                + "placeholder (its application.yml, the starter's bazaar-defaults.properties) nor binds as a "
                                + "property (relaxed form of a key there, or %s)",
                        CORE_PROPERTIES)
                .isEmpty();
    }

    /**
     * The other direction: a placeholder whose default is a local address (127.0.0.1, or a port of
     * the local servers) that this file runs a container for must be set, or the service would look
     * for it on its own loopback. Defaults naming a port nothing here listens on (orders, inventory, ...)
     * may stay. BAZAAR_CORS_ORIGINS names where browsers come from, not a server the gateway calls:
     * its default (the gateway's own 127.0.0.1:8080) is right for this file too.
     */
    @Test
    void everyLocalAddressAServiceDefaultsToIsReplaced() throws IOException {
        Set<String> deployedPorts = new LinkedHashSet<>();
        for (Object definition : services().values()) {
            Object ports = map(definition).get("ports");
            if (ports != null) {
                for (Object port : (List<?>) ports) {
                    String[] parts = String.valueOf(port).split(":");
                    deployedPorts.add(parts[parts.length - 2]);
                }
            }
        }
        Pattern localUrl = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
        List<String> missing = new ArrayList<>();
        for (String service : bazaarServices()) {
            Set<String> set = environment(service).keySet();
            readableBy(root.resolve(service)).defaults().forEach((variable, fallback) -> {
                Matcher url = localUrl.matcher(fallback);
                boolean local = url.find()
                        ? deployedPorts.contains(url.group(1))
                        : fallback.equals("127.0.0.1") || deployedPorts.contains(fallback);
                if (local && !set.contains(variable) && !variable.equals("BAZAAR_CORS_ORIGINS")) {
                    missing.add(service + ": " + variable + " (default " + fallback + ")");
                }
            });
        }
        assertThat(missing)
                .as("placeholders defaulting to a local server that docker-compose.yml runs, "
                        + "not set for the service")
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceImageIsThisVersionAndItsProbeIsReadinessOnItsPort() throws IOException {
        String version = projectVersion();
        for (String service : bazaarServices()) {
            Map<String, Object> definition = service(service);
            assertThat(definition.get("image")).as(service).isEqualTo("bazaar/" + service + ":" + version);
            String port = tag(Files.readString(root.resolve(service).resolve("pom.xml")), "bazaar.image.port");
            List<String> test =
                    (List<String>) map(definition.get("healthcheck")).get("test");
            assertThat(String.join(" ", test))
                    .as(service + " health check")
                    .isEqualTo("CMD curl -fsS -o /dev/null http://127.0.0.1:" + port + "/actuator/health/readiness");
            assertThat((List<Object>) definition.get("ports"))
                    .as(service)
                    .containsExactly("127.0.0.1:" + port + ":" + port);
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAPinnedImageAndLoopbackOnlyPorts() {
        for (Map.Entry<String, Object> entry : services().entrySet()) {
            Map<String, Object> definition = map(entry.getValue());
            String name = entry.getKey();
            assertThat(definition.get("mem_limit")).as(name + " mem_limit").isNotNull();
            String image = (String) definition.get("image");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as(name + " image " + image).matches("\\d+\\.\\d+\\.\\d+.*");
            Object ports = definition.get("ports");
            if (ports != null) {
                for (Object port : (List<?>) ports) {
                    assertThat(String.valueOf(port)).as(name + " port").startsWith("127.0.0.1:");
                }
            }
        }
    }

    @Test
    void noSecretIsCommittedAndEveryStoreHasANamedVolume() {
        Pattern secret = Pattern.compile(".*(TOKEN|PASSWORD|SECRET).*");
        for (String name : services().keySet()) {
            environment(name).forEach((variable, value) -> {
                if (secret.matcher(variable).matches()) {
                    assertThat(String.valueOf(value)).as(name + " " + variable).matches("\\$\\{[A-Z_]+:\\?.+}");
                }
            });
        }
        Set<String> declared = map(compose.get("volumes")).keySet();
        STORES.forEach((name, path) -> {
            List<?> volumes = (List<?>) service(name).get("volumes");
            assertThat(volumes).as(name + " volumes").isNotNull();
            String mount = volumes.stream()
                    .map(String::valueOf)
                    .filter(v -> v.endsWith(":" + path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " keeps no volume at " + path));
            assertThat(declared).as(name + "'s volume").contains(mount.substring(0, mount.indexOf(':')));
        });
    }

    @Test
    void envExampleNamesEverySecretEmpty() throws IOException {
        Map<String, String> example = envFile(root.resolve(".env.example"));
        for (String variable : requiredVariables()) {
            assertThat(example).as(".env.example").containsEntry(variable, "");
        }
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
    }

    /** Debian's docker-compose 1.29 (what .ci/run installs) parses and interpolates the file. */
    @Test
    void dockerComposeAcceptsTheFileWithTheSecretsSet(@TempDir Path tmp) throws Exception {
        String composeCommand = dockerCompose();
        Path envFile = tmp.resolve("env");
        StringBuilder env = new StringBuilder();
        envFile(root.resolve(".env.example"))
                .forEach((key, value) -> env.append(key)
                        .append('=')
                        .append(value.isEmpty() ? "test-value-of-" + key : value)
                        .append('\n'));
        Files.writeString(envFile, env);
        Result result = run(composeCommand, "--env-file", envFile.toString(), "config", "-q");
        assertThat(result.exit)
                .as("docker-compose config -q:\n" + result.output)
                .isZero();
    }

    @Test
    void dockerComposeRefusesToStartWhileASecretIsUnset(@TempDir Path tmp) throws Exception {
        String composeCommand = dockerCompose();
        Path envFile = tmp.resolve("env");
        Files.copy(root.resolve(".env.example"), envFile);
        Result result = run(composeCommand, "--env-file", envFile.toString(), "config", "-q");
        assertThat(result.exit).as(result.output).isNotZero();
        assertThat(result.output).containsPattern("set BAZAAR_[A-Z_]+ in \\.env");
    }

    // ------------------------------------------------------------------------------------------

    /** What a service module reads: ${NAME} placeholders and the property keys of its configuration. */
    private record Readable(Set<String> placeholders, Set<String> propertyEnvNames, Map<String, String> defaults) {

        boolean reads(String variable) {
            return placeholders.contains(variable) || propertyEnvNames.contains(variable);
        }
    }

    private static Readable readableBy(Path module) throws IOException {
        Set<String> placeholders = new LinkedHashSet<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(CORE_PROPERTIES);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> resources = Files.list(module.resolve("src/main/resources"))) {
            resources
                    .filter(p -> p.getFileName().toString().matches("application.*\\.(ya?ml|properties)"))
                    .forEach(files::add);
        }
        files.add(root.resolve("platform/starter/src/main/resources/bazaar-defaults.properties"));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher matcher = placeholder.matcher(text);
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
                if (matcher.group(2) != null) {
                    defaults.put(matcher.group(1), matcher.group(2));
                }
            }
            if (file.toString().endsWith(".properties")) {
                text.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                        .forEach(l -> keys.add(l.substring(0, l.indexOf('=')).strip()));
            } else {
                flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(text), keys);
            }
        }
        // Spring's relaxed binding from the environment: upper case, '.' as '_', dashes dropped.
        Set<String> envNames = keys.stream()
                .map(k -> k.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new Readable(placeholders, envNames, defaults);
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, keys));
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }

    /** Compose services that run one of this repository's images (bazaar/NAME), by NAME. */
    private static List<String> bazaarServices() {
        List<String> names = services().entrySet().stream()
                .filter(e -> String.valueOf(map(e.getValue()).get("image")).startsWith("bazaar/"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(names).as("services running bazaar/ images").isNotEmpty();
        return names;
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private static Map<String, Object> service(String name) {
        Object definition = services().get(name);
        assertThat(definition).as("compose service " + name).isNotNull();
        return map(definition);
    }

    private static Map<String, Object> environment(String service) {
        Object environment = service(service).get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    /** Variables the file requires (${NAME:?...}). */
    private static Set<String> requiredVariables() throws IOException {
        Matcher matcher =
                Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(root.resolve("docker-compose.yml")));
        Set<String> names = new LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names).as("required secrets in docker-compose.yml").isNotEmpty();
        return names;
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        return tag(afterParent, "version");
    }

    private static String tag(String xml, String name) {
        Matcher matcher =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertThat(matcher.find()).as("<%s> in pom", name).isTrue();
        return matcher.group(1).strip();
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    /**
     * The docker-compose binary. Absent outside CI the two tests that need it are skipped with this
     * message; in CI (CI set, as .ci/run installs it) its absence fails them.
     */
    private static String dockerCompose() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "docker-compose"))) {
                return Path.of(dir, "docker-compose").toString();
            }
        }
        if (System.getenv("CI") != null) {
            fail(
                    "docker-compose is not installed (CI is set: .ci/run installs it with apt-get install docker-compose)");
        }
        assumeTrue(
                false,
                "docker-compose not installed (apt-get install docker-compose): docker-compose.yml not validated");
        return null;
    }

    private record Result(int exit, String output) {}

    private static Result run(String composeCommand, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                composeCommand,
                "--project-directory",
                root.toString(),
                "-f",
                root.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("docker-compose", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            // Variables in this JVM's environment would win over the env file: the check sees only the file.
            builder.environment().keySet().removeIf(name -> name.startsWith("BAZAAR_") || name.startsWith("COMPOSE_"));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("docker-compose did not finish within 120 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
