package dev.bazaar.notification.sms;

import dev.bazaar.notification.LocalAddress;
import dev.bazaar.notification.NotificationProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter for the SMS provider's REST API ({@code POST /v1/messages} with {@code to}, {@code from},
 * {@code text} and our {@code clientReference}), the simulator's unless {@code bazaar.notifications.sms.url}
 * names a real one. A 4xx is a refusal for good; no answer, a refused connection, a 429 or a 5xx is
 * transient.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final NotificationProperties.Sms settings;
    private final LocalAddress local;
    private final JsonMapper json;
    private final HttpClient http;

    HttpSmsGateway(NotificationProperties properties, LocalAddress local, JsonMapper json) {
        this.settings = properties.sms();
        this.local = local;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    @Override
    public String send(String to, String text, String clientReference) {
        URI base = local.or(settings.url(), "/sms-simulator");
        byte[] body = json.writeValueAsBytes(
                Map.of("to", to, "from", settings.sender(), "text", text, "clientReference", clientReference));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("SMS provider did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        int status = answer.statusCode();
        if (status / 100 == 2) {
            return json.readTree(answer.body()).path("messageId").asString();
        }
        String detail = "SMS provider answered " + status + ": " + describe(answer.body());
        if (status == 429 || status >= 500) {
            throw new Unavailable(detail);
        }
        throw new Rejected(detail);
    }

    private String describe(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("detail").asString(error.toString());
        } catch (RuntimeException notJson) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
