package dev.bazaar.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A real user-service process (its jar, an isolated database and Redis prefix, a known internal
 * token) for a service that asks it for shoppers' default addresses. Shoppers are registered
 * through its public API, so their ids are the ones user-service issued; a test then signs its own
 * JWT for that id with {@link TestJwts}, or uses the access token of their real login ({@link #signUp}).
 */
public final class UserServiceShoppers implements AutoCloseable {

    private static final String PASSWORD = "Shopper-test-42-pass";

    private final ServiceProcess process;
    private final String internalToken;
    private final HttpTestClient api;

    private UserServiceShoppers(ServiceProcess process, String internalToken) {
        this.process = process;
        this.internalToken = internalToken;
        this.api = new HttpTestClient(process.baseUrl());
    }

    /** Starts it on names of its own (it starts before the test's Spring context has any). */
    public static UserServiceShoppers start(String internalToken) throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.REDIS.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(UserServiceShoppers.class);
        ServiceProcess process = ServiceProcess.start(
                "user-service",
                List.of(
                        "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/"
                                + names.database() + "?createDatabaseIfNotExist=true",
                        "--spring.data.redis.host=" + LocalServer.REDIS.host(),
                        "--spring.data.redis.port=" + LocalServer.REDIS.port(),
                        "--bazaar.redis.key-prefix=" + names.redisKeyPrefix(),
                        "--bazaar.users.internal-token=" + internalToken,
                        "--bazaar.users.demo.enabled=false",
                        "--bazaar.users.password.bcrypt-strength=4"));
        return new UserServiceShoppers(process, internalToken);
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
