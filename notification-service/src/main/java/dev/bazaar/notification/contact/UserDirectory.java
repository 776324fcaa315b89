package dev.bazaar.notification.contact;

import dev.bazaar.notification.NotificationProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's internal contact reads ({@code X-Internal-Token}): a user's email, name and phone, and the
 * seller accounts linked to a supplier. Read when a delivery is sent, not when it is planned, so a changed
 * address or a seller linked since is used, and a user-service outage only delays the delivery.
 */
@Component
public class UserDirectory {

    private final URI base;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    UserDirectory(NotificationProperties properties, JsonMapper json) {
        this.base = properties.users().url();
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.users().timeout())
                .build();
    }

    /** The user's contact; empty when user-service knows no such user (404). */
    public Optional<Contact> contact(String userId) {
        HttpResponse<byte[]> answer = get("/internal/users/" + encode(userId) + "/contact");
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(contact(body(answer)));
    }

    /** The seller accounts linked to {@code supplierId}; empty when there are none. */
    public List<Contact> sellersOf(String supplierId) {
        JsonNode contacts = body(get("/internal/suppliers/" + encode(supplierId) + "/contacts"))
                .path("contacts");
        List<Contact> sellers = new ArrayList<>();
        for (JsonNode contact : contacts) {
            sellers.add(contact(contact));
        }
        return sellers;
    }

    private static Contact contact(JsonNode node) {
        return new Contact(
                node.path("userId").asString(),
                node.path("email").asString(null),
                node.path("name").asString(null),
                node.path("phone").asString(null));
    }

    private JsonNode body(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 200) {
            throw new UsersUnavailable("user-service answered " + answer.statusCode() + " to " + answer.uri());
        }
        return json.readTree(answer.body());
    }

    private HttpResponse<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(properties.users().timeout())
                .header("Accept", "application/json")
                .header("X-Internal-Token", properties.internalToken())
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UsersUnavailable("user-service did not answer " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsersUnavailable("interrupted");
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
