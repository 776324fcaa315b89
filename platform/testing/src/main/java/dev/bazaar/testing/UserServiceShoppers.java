package dev.bazaar.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A real user-service process (its jar, an isolated database and Redis prefix, a known internal
 * token) for a service that asks it for shoppers' default addresses. Shoppers are registered
 * through its public API, so their ids are the ones user-service issued; a test then signs its own
 * JWT for that id with {@link TestJwts}, or uses the access token of their real login ({@link #signUp}).
 * Sellers ({@link #seller}) are made as OPS makes them, by the process's demo OPS account.
 */
public final class UserServiceShoppers implements AutoCloseable {

    private static final String PASSWORD = "Shopper-test-42-pass";

    private final ServiceProcess process;
    private final String internalToken;
    private final HttpTestClient api;
    private final Path demoLogins;

    private UserServiceShoppers(ServiceProcess process, String internalToken, Path demoLogins) {
        this.process = process;
        this.internalToken = internalToken;
        this.api = new HttpTestClient(process.baseUrl());
        this.demoLogins = demoLogins;
    }

    /** Starts it on names of its own (it starts before the test's Spring context has any). */
    public static UserServiceShoppers start(String internalToken) throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.REDIS.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(UserServiceShoppers.class);
        // Its demo accounts (an OPS among them, who makes sellers) in a directory of its own.
        Path demo = Files.createTempDirectory("user-service-shoppers");
        ServiceProcess process = ServiceProcess.start(
                "user-service",
                List.of(
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--bazaar.users.internal-token=" + internalToken,
                        "--bazaar.users.demo.enabled=true",
                        "--bazaar.users.demo.dir=" + demo,
                        "--bazaar.users.password.bcrypt-strength=4"));
        return new UserServiceShoppers(process, internalToken, demo.resolve("demo-ops.txt"));
    }

    /**
     * Registers a user whom the demo OPS account makes a SELLER linked to {@code supplierId} (as OPS does:
     * {@code PUT /api/ops/users/{id}/roles} and {@code /supplier}), and logs them in: their access token
     * carries the {@code supplier_id} claim.
     */
    public Shopper seller(String supplierId) {
        Shopper user = signUp(null);
        HttpTestClient ops = api.withBearer(opsToken());
        expect(ops.put("/api/ops/users/" + user.userId() + "/roles", Map.of("roles", List.of("SELLER"))), 200);
        expect(ops.put("/api/ops/users/" + user.userId() + "/supplier", Map.of("supplierId", supplierId)), 200);
        String email = expect(api.withBearer(user.accessToken()).get("/api/users/me"), 200)
                .path("email")
                .asString();
        return new Shopper(user.userId(), login(email, PASSWORD));
    }

    private String opsToken() {
        Properties logins = new Properties();
        Awaitility.await("user-service's demo logins in " + demoLogins)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!Files.isReadable(demoLogins)) {
                        return false;
                    }
                    logins.clear();
                    logins.load(new StringReader(Files.readString(demoLogins)));
                    // Written in one go, but a read may catch it half-written.
                    return logins.getProperty("ops.password") != null;
                });
        return login(logins.getProperty("ops.email"), logins.getProperty("ops.password"));
    }

    private String login(String email, String password) {
        return expect(api.post("/api/users/login", Map.of("email", email, "password", password)), 200)
                .path("accessToken")
                .stringValue();
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    public String internalToken() {
        return internalToken;
    }

    /** A registered shopper: the id user-service gave them and the access token of their login. */
    public record Shopper(String userId, String accessToken) {

        /** The {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /**
     * Registers a shopper, with a default address at {@code pincode} unless it is null.
     *
     * @return the user id user-service gave them
     */
    public String register(String pincode) {
        return signUp(pincode).userId();
    }

    /** Registers a shopper (a default address at {@code pincode} unless null) and logs them in. */
    public Shopper signUp(String pincode) {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        JsonNode user = expect(
                api.post("/api/users/register", Map.of("email", email, "password", PASSWORD, "name", "Test Shopper")),
                201);
        String token = expect(api.post("/api/users/login", Map.of("email", email, "password", PASSWORD)), 200)
                .path("accessToken")
                .stringValue();
        if (pincode != null) {
            expect(
                    api.withBearer(token)
                            .post(
                                    "/api/users/me/addresses",
                                    Map.of(
                                            "recipient", "Test Shopper",
                                            "line1", "1 Main Road",
                                            "city", "Bengaluru",
                                            "state", "Karnataka",
                                            "pincode", pincode)),
                    201);
        }
        return new Shopper(user.path("id").asString(), token);
    }

    private static JsonNode expect(HttpTestClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("user-service answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    @Override
    public void close() {
        process.close();
    }
}
