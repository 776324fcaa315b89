package dev.bazaar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service in-process as production starts it: its own {@code application.yml} only (not
 * the test classpath's {@code application.properties}), no {@code local} profile, so no development
 * secret or demo switch, on a free port; connected to the local servers with the test class's
 * isolated names, and to MariaDB through a {@link MariaDbAccount} with a password, since an empty
 * one is what production refuses. A JUnit extension, registered once per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProductionStart production =
 *         ProductionStart.of(UserServiceApplication.class).withServers(LocalServer.REDIS).withDatabaseAccount();
 *
 * production.assertRefusedFor(output, "spring.datasource.password", "BAZAAR_MARIADB_PASSWORD");
 * try (var app = production.start(production.databasePassword())) { assertStartedWithoutLocalProfile(app); }
 * }</pre>
 *
 * The refusals read the start-up report from a {@link CapturedOutput} (the test class uses
 * {@code @ExtendWith(OutputCaptureExtension.class)}): that report is what an operator sees.
 */
public final class ProductionStart implements BeforeAllCallback, AfterAllCallback {

    /**
     * The starter's {@code LocalProfileEnvironmentPostProcessor.SOURCE_NAME}: the local profile's
     * development values (this module does not depend on the starter).
     */
    static final String LOCAL_PROFILE_SOURCE = "bazaarLocalProfile";

    private final Class<?> application;
    private final List<LocalServer> servers = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private boolean databaseAccount;

    private IsolatedNames names;
    private MariaDbAccount account;

    private ProductionStart(Class<?> application) {
        this.application = application;
    }

    public static ProductionStart of(Class<?> application) {
        return new ProductionStart(application);
    }

    /**
     * Connects to these servers as {@link UsesLocalServers} would, with the test class's isolated
     * names. MariaDB is {@link #withDatabaseAccount()}: the root account has no password.
     */
    public ProductionStart withServers(LocalServer... servers) {
        for (LocalServer server : servers) {
            if (server == LocalServer.MARIADB) {
                throw new IllegalArgumentException("MariaDB's root has no password, which a production start refuses: "
                        + "use withDatabaseAccount()");
            }
            this.servers.add(server);
        }
        return this;
    }

    /**
     * A {@link MariaDbAccount} for the test class, made before its tests and dropped after them; every
     * start gets its database URL and user, but not its password: see {@link #databasePassword()}.
     */
    public ProductionStart withDatabaseAccount() {
        this.databaseAccount = true;
        return this;
    }

    /** Arguments every start of this test class gets, after the connection ones. */
    public ProductionStart with(String... arguments) {
        this.arguments.addAll(List.of(arguments));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        servers.forEach(LocalServer::requireReachable);
        names = IsolatedNames.forTestClass(context.getRequiredTestClass());
        if (databaseAccount) {
            account = MariaDbAccount.create(names);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (account != null) {
            account.close();
            account = null;
        }
    }

    /** The argument that gives a start the database account's password. */
    public String databasePassword() {
        if (account == null) {
            throw new IllegalStateException("No database account: register with withDatabaseAccount()");
        }
        return "--spring.datasource.password=" + account.password();
    }

    /** Starts the service with the test class's arguments and these (its secrets, say); close it after. */
    public ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(application).run(arguments(extra));
    }

    /**
     * The start stops with the starter's report of a missing secret (its {@code MissingSettingException}
     * and failure analysis): the setting, its environment variable, and how to set it.
     */
    public void assertRefusedFor(CapturedOutput output, String setting, String variable, String... extra) {
        String notSet = setting + " is not set (environment variable " + variable + ")";
        Refusal refusal = refusal(output, variable, extra);
        assertThat(refusal.failure()).hasStackTraceContaining(notSet);
        assertThat(refusal.report())
                .contains("The required setting " + notSet)
                .contains("Set " + variable + ", or run with --spring.profiles.active=local");
    }

    /**
     * The start stops with Spring's binding report for a secret in a {@code @ConfigurationProperties}
     * record: the property as the binder names it (the record component, {@code bazaar.users.internalToken})
     * and the validation message every service gives a secret. Returns the failure, for the test to
     * check which properties it was binding.
     */
    public Throwable assertBindingRefused(CapturedOutput output, String property, String variable, String... extra) {
        Refusal refusal = refusal(output, variable, extra);
        assertThat(refusal.report())
                .contains("Property: " + property)
                .contains("is not set (environment variable " + variable + ")");
        return refusal.failure();
    }

    /**
     * Running, and with none of the local profile's development values: no active profile, no
     * property source of the starter's {@code bazaar-local.properties}.
     */
    public static void assertStartedWithoutLocalProfile(ConfigurableApplicationContext app) {
        assertThat(app.isRunning()).isTrue();
        assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(app.getEnvironment().getPropertySources().contains(LOCAL_PROFILE_SOURCE))
                .as("property source " + LOCAL_PROFILE_SOURCE)
                .isFalse();
    }

    private Refusal refusal(CapturedOutput output, String variable, String... extra) {
        // The refusal stands for a start where the secret's environment variable is not set.
        assertThat(System.getenv(variable))
                .as(variable + " in the test environment")
                .isNull();
        int before = output.getAll().length();
        // A start that is not refused is closed again at once, and fails the assertion below.
        Throwable failure = catchThrowable(() -> start(extra).close());
        assertThat(failure)
                .as("the failure of a start of %s without %s", application.getSimpleName(), variable)
                .isNotNull();
        return new Refusal(failure, output.getAll().substring(before));
    }

    private String[] arguments(String... extra) {
        if (names == null) {
            throw new IllegalStateException("Register ProductionStart with @RegisterExtension on a static field");
        }
        List<String> all = new ArrayList<>(List.of(
                // The service's own application.yml only: not the test classpath's application.properties.
                "--spring.config.location=classpath:/application.yml",
                "--server.port=0",
                "--logging.structured.format.console="));
        for (LocalServer server : servers) {
            LocalServersContextCustomizer.propertiesFor(server, names)
                    .forEach((name, value) -> all.add("--" + name + "=" + value));
        }
        if (account != null) {
            all.add("--spring.datasource.url=" + account.jdbcUrl());
            all.add("--spring.datasource.username=" + account.user());
        }
        all.addAll(arguments);
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private record Refusal(Throwable failure, String report) {}
}
