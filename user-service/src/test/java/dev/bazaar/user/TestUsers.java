package dev.bazaar.user;

import dev.bazaar.testing.HttpTestClient;
import java.util.Map;
import java.util.UUID;

/** User-service calls the tests repeat, over platform/testing's {@link HttpTestClient}: a new logged-in user, a login, an address. */
public final class TestUsers {

    /** A registered, logged-in user. */
    public record Session(String userId, String email, String password, String accessToken, String refreshToken) {
        public String bearer() {
            return HttpTestClient.bearer(accessToken);
        }
    }

    public static final String PASSWORD = "correct-horse-42";

    private TestUsers() {}

    public static Session newUser(HttpTestClient api) {
        String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        HttpTestClient.Response registered =
                api.post("/api/users/register", Map.of("email", email, "password", PASSWORD, "name", "Test User"));
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.body());
        }
        return login(api, email, PASSWORD, registered.text("id"));
    }

    public static Session login(HttpTestClient api, String email, String password, String userId) {
        HttpTestClient.Response tokens = api.post("/api/users/login", Map.of("email", email, "password", password));
        if (tokens.status() != 200) {
            throw new IllegalStateException("login failed: " + tokens.status() + " " + tokens.body());
        }
        return new Session(userId, email, password, tokens.text("accessToken"), tokens.text("refreshToken"));
    }

    public static Map<String, Object> address(String recipient, String pincode) {
        return Map.of(
                "recipient",
                recipient,
                "line1",
                "12 MG Road",
                "city",
                "Bengaluru",
                "state",
                "Karnataka",
                "pincode",
                pincode);
    }
}
