package dev.bazaar.starter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PeerFailureLogTests {

    @Test
    void aPeerDownForEveryRequestIsOneWarningAMinuteNotOneARequest(CapturedOutput output) {
        PeerFailureLog failures = new PeerFailureLog(LoggerFactory.getLogger("peer-failure-log-test"));

        for (int request = 0; request < 500; request++) {
            failures.failed("user-service unavailable: {}", "java.net.ConnectException");
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("user-service unavailable")))
                .hasSize(1)
                .allSatisfy(line -> assertThat(line)
                        .contains("WARN")
                        .contains("java.net.ConnectException")
                        .contains("0 more like it"));
    }
}
