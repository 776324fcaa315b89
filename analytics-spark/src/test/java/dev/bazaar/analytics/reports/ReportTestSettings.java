package dev.bazaar.analytics.reports;

import dev.bazaar.analytics.AnalyticsSettings;
import dev.bazaar.testing.LocalServer;
import java.nio.file.Path;
import java.time.Duration;

/** The report tests' settings: the local Kafka, a test's topic prefix and checkpoints, top 3, 500 ms batches. */
final class ReportTestSettings {

    static final Duration TRIGGER = Duration.ofMillis(500);

    static synchronized AnalyticsSettings topThree(String topicPrefix, Path checkpoints, Duration lateness) {
        // BAZAAR_TOP_N and BAZAAR_KAFKA_BOOTSTRAP have no withers: set as the system properties that win over
        // the environment, for this call only (the test classes of the JVM run one after another).
        System.setProperty("bazaar.top.n", "3");
        System.setProperty("bazaar.kafka.bootstrap", LocalServer.KAFKA.address());
        try {
            return AnalyticsSettings.fromEnvironment()
                    .withTopicPrefix(topicPrefix)
                    .withCheckpointUri(checkpoints.toUri().toString())
                    .withReportTrigger(TRIGGER)
                    .withLateness(lateness);
        } finally {
            System.clearProperty("bazaar.top.n");
            System.clearProperty("bazaar.kafka.bootstrap");
        }
    }

    private ReportTestSettings() {}
}
