package dev.bazaar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A real payment-service process (its jar, an isolated database, its PSP simulator inside) publishing its
 * payment events under a given topic prefix, for a service that takes payments and consumes those events.
 * A test plays the shopper's browser on the simulator's hosted page: {@link #pay} or {@link #decline} the
 * page a payment's {@code redirectUrl} names, or just never open it (the closed page).
 *
 * <p>List payment-service as a {@code <type>pom</type>} test dependency (see {@link ServiceProcess}).
 */
public final class PaymentServiceProcess implements AutoCloseable {

    // Replaced when the process is restarted after a kill (same port, same database).
    private volatile ServiceProcess process;
    private final HttpClient browser =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String database;

    private PaymentServiceProcess(ServiceProcess process, String database) {
        this.process = process;
        this.database = database;
    }

    /**
     * Starts it on a database of its own, publishing under {@code topicPrefix} (the consumer's prefix, so
     * that its events reach the service under test); {@code arguments} tune it (the simulator's webhook delay,
     * say).
     */
    public static PaymentServiceProcess start(String topicPrefix, String... arguments) throws IOException {
        LocalServer.MARIADB.requireReachable();
        LocalServer.KAFKA.requireReachable();
        IsolatedNames names = IsolatedNames.forTestClass(PaymentServiceProcess.class);
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + LocalServer.KAFKA.address(),
                "--bazaar.kafka.topic-prefix=" + topicPrefix,
                "--spring.kafka.consumer.group-id=" + names.base(),
                "--spring.datasource.url=jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + names.database()
                        + "?createDatabaseIfNotExist=true"));
        args.addAll(List.of(arguments));
        return new PaymentServiceProcess(ServiceProcess.start("payment-service", args), names.database());
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** Its isolated MariaDB database, for a test that reads it or breaks it on purpose (reconciliation's). */
    public String database() {
        return database;
    }

    /** Ends the process with SIGKILL, as a crash would ({@link ServiceProcess#kill}): its callers find nobody. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Starts it again after {@link #kill}: same port, database and topics, so its callers find it again. */
    public void restart() throws IOException, InterruptedException {
        process = process.restart();
    }

    /** Presses "Pay" on the hosted page at {@code redirectUrl}; the PSP's answer status (303 when taken). */
    public int pay(String redirectUrl) {
        return decide(redirectUrl, "pay");
    }

    /** Presses "Decline" on the hosted page at {@code redirectUrl}. */
    public int decline(String redirectUrl) {
        return decide(redirectUrl, "decline");
    }

    private int decide(String redirectUrl, String decision) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(redirectUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=" + decision))
                .build();
        try {
            return browser.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
