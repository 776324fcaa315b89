package dev.bazaar.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The supplier API as a supplier calls it: {@code X-Api-Key}, through the gateway or straight to inbound-service. */
final class SupplierApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    SupplierApi(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /** Sends a canonical-json catalogue; inbound answers 202 with the import's id once it has spooled the file. */
    String sendCatalogue(Path file) {
        // The gateway's supplier route allows 30 s for the answer; inbound answers once it has the file.
        JsonNode body = call(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/supplier/catalog"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(bodyOf(file)),
                202);
        return body.path("importId").stringValue();
    }

    ImportStatus status(String importId) {
        JsonNode job = call(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/supplier/imports/" + importId + "?size=10"))
                        .timeout(Duration.ofSeconds(10))
                        .GET(),
                200);
        JsonNode counts = job.path("counts");
        List<ImportStatus.RowError> errors = new ArrayList<>();
        for (JsonNode error : job.path("errors").path("items")) {
            errors.add(new ImportStatus.RowError(
                    error.path("row").asLong(),
                    error.path("field").asString(),
                    error.path("reason").asString()));
        }
        return new ImportStatus(
                importId,
                job.path("status").asString(),
                new ImportStatus.Counts(
                        counts.path("rowsRead").asLong(),
                        counts.path("accepted").asLong(),
                        counts.path("rejected").asLong(),
                        counts.path("skipped").asLong(),
                        counts.path("unchanged").asLong()),
                job.path("failure").isNull() ? null : job.path("failure").asString(null),
                errors);
    }

    private JsonNode call(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailure(
                    "cannot reach " + built.uri() + " (" + e + "); is the gateway (or inbound-service) running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while calling " + built.uri(), e);
        }
        if (response.statusCode() != expectedStatus) {
            String hint = response.statusCode() == 401 ? " (the API key is not a valid key of a supplier)" : "";
            throw new DemoFailure(built.method() + " " + built.uri() + " answered " + response.statusCode() + hint
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest.BodyPublisher bodyOf(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new DemoFailure("cannot read " + file, e);
        }
    }
}
