package dev.bazaar.searchconsumer.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.searchconsumer.SearchConsumerProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.backoff.BackOffExecution;

class OutageBackOffTests {

    @Test
    void anOutageIsRetriedForeverWithACappedInterval() {
        var properties = new SearchConsumerProperties(
                5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(10));
        BackOffExecution execution =
                OutageBackOffConfiguration.outageBackOff(properties).start();
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(2_000);
    }

    @Test
    void onlyOutagesGetTheEndlessBackOff() {
        var outage = new BatchListenerFailedException("unavailable", new IndexUnavailableException("down", null), 0);
        var poison = new BatchListenerFailedException("rejected", new RejectedDocumentException("bad"), 0);
        assertThat(OutageBackOffConfiguration.isOutage(outage)).isTrue();
        assertThat(OutageBackOffConfiguration.isOutage(poison)).isFalse();
    }
}
