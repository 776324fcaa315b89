package dev.bazaar.notification;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.ServiceProcess;
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
 * A real user-service process whose users this service's tests notify: customers registered through its API
 * with a name and phone, and sellers, which its demo OPS user (the process runs with its demo accounts, in a
 * directory of its own) gives the SELLER role and links to a supplier, as OPS would. The notification service
 * under test then reads their contacts over user-service's internal API.
 */
final class UserServiceContacts implements AutoCloseable {

    /** The local profile's development value of BAZAAR_INTERNAL_TOKEN, which every process runs with. */
    static final String INTERNAL_TOKEN = "bazaar-local-internal-token";

    private static final String PASSWORD = "Contact-test-42-pass";

    record Person(String userId, String email, String name, String phone) {}

    private final ServiceProcess process;
    private final HttpTestClient api;
    private final HttpTestClient ops;

    private UserServiceContacts(ServiceProcess process, String opsToken) {
        this.process = process;
        this.api = new HttpTestClient(process.baseUrl());
        this.ops = api.withBearer(opsToken);
    }

    static UserServiceContacts start() throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.REDIS.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(UserServiceContacts.class);
        Path demo = Files.createTempDirectory("notification-test-users");
        ServiceProcess process = ServiceProcess.start(
                "user-service",
                List.of(
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--bazaar.users.internal-token=" + INTERNAL_TOKEN,
                        "--bazaar.users.demo.enabled=true",
                        "--bazaar.users.demo.dir=" + demo,
                        "--bazaar.users.password.bcrypt-strength=4"));
        Path logins = demo.resolve("demo-ops.txt");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(logins) && Files.size(logins) > 0);
        Properties demoLogins = new Properties();
        demoLogins.load(new StringReader(Files.readString(logins)));
        HttpTestClient api = new HttpTestClient(process.baseUrl());
        String opsToken = expect(
                        api.post(
                                "/api/users/login",
                                Map.of(
                                        "email",
                                        demoLogins.getProperty("ops.email"),
                                        "password",
                                        demoLogins.getProperty("ops.password"))),
                        200)
                .path("accessToken")
                .asString();
        return new UserServiceContacts(process, opsToken);
    }

    String baseUrl() {
        return process.baseUrl();
    }

    /** A registered user with {@code name} and {@code phone} (none when null) on their profile. */
    Person customer(String name, String phone) {
        String email = "customer-" + UUID.randomUUID() + "@bazaar.test";
        String userId = expect(
                        api.post("/api/users/register", Map.of("email", email, "password", PASSWORD, "name", name)),
                        201)
                .path("id")
                .asString();
        String token = expect(api.post("/api/users/login", Map.of("email", email, "password", PASSWORD)), 200)
                .path("accessToken")
                .asString();
        Map<String, Object> profile = new java.util.HashMap<>();
        profile.put("name", name);
        profile.put("phone", phone);
        expect(api.withBearer(token).put("/api/users/me", profile), 200);
        return new Person(userId, email, name, phone);
    }

    /** A user made SELLER and linked to {@code supplierId} by OPS. */
    Person seller(String supplierId, String phone) {
        Person seller = customer("Seller of " + supplierId, phone);
        expect(
                ops.put("/api/ops/users/" + seller.userId() + "/roles", Map.of("roles", List.of("CUSTOMER", "SELLER"))),
                200);
        expect(ops.put("/api/ops/users/" + seller.userId() + "/supplier", Map.of("supplierId", supplierId)), 200);
        return seller;
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
