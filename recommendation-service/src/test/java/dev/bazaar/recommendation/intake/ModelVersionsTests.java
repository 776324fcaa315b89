package dev.bazaar.recommendation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelVersionsTests {

    @Test
    void aModelVersionIsItsTrainingRunsStartInUtc() {
        assertThat(ModelVersions.startOf("als-20261207T120030Z")).isEqualTo(Instant.parse("2026-12-07T12:00:30Z"));
    }

    /** Later runs sort after earlier ones as instants too: the write timestamps order them. */
    @Test
    void aLaterRunIsALaterInstant() {
        assertThat(ModelVersions.startOf("als-20261207T000000Z"))
                .isAfter(ModelVersions.startOf("als-20261206T235959Z"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"", "v1", "als-", "als-2026-12-07T12:00:30Z", "als-20261207T120030", "als-20261332T120030Z"})
    void anythingElseIsMalformed(String modelVersion) {
        assertThatThrownBy(() -> ModelVersions.startOf(modelVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelVersion");
    }
}
