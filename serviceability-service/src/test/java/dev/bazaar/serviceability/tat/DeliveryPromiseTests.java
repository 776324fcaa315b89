package dev.bazaar.serviceability.tat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeliveryPromiseTests {

    static final LocalTime CUTOFF = LocalTime.of(14, 0);

    @Test
    void anOrderBeforeTheCutoffIsHandledAtOnce() {
        Instant ordered = ist("2025-03-10T10:00");
        DeliveryPromise promise = DeliveryPromise.of(ordered, CUTOFF, 4, 20);

        assertThat(promise.etaHours()).isEqualTo(24);
        assertThat(promise.promisedBy()).isEqualTo(OffsetDateTime.parse("2025-03-11T10:00+05:30"));
        assertThat(promise.promiseDate()).isEqualTo(LocalDate.of(2025, 3, 11));
    }

    @Test
    void anOrderAfterTheCutoffRollsOverToTheNextDay() {
        Instant ordered = ist("2025-03-10T15:30");
        DeliveryPromise promise = DeliveryPromise.of(ordered, CUTOFF, 4, 20);

        // Handling starts at midnight IST: 8.5 h of waiting, then 24 h.
        assertThat(promise.promisedBy()).isEqualTo(OffsetDateTime.parse("2025-03-12T00:00+05:30"));
        assertThat(promise.etaHours()).isEqualTo(33); // 32.5 rounded up
        assertThat(promise.promiseDate()).isEqualTo(LocalDate.of(2025, 3, 12));
    }

    @Test
    void theCutoffItselfStillCounts() {
        assertThat(DeliveryPromise.handlingStarts(ist("2025-03-10T14:00"), CUTOFF))
                .isEqualTo(ist("2025-03-10T14:00"));
        assertThat(DeliveryPromise.handlingStarts(ist("2025-03-10T14:01"), CUTOFF))
                .isEqualTo(ist("2025-03-11T00:00"));
    }

    @Test
    void theCutoffIsInIndianTimeWhateverTheCallersZone() {
        // 09:00 UTC is 14:30 IST: after a 14:00 cut-off.
        Instant ordered = Instant.parse("2025-03-10T09:00:00Z");
        assertThat(DeliveryPromise.handlingStarts(ordered, CUTOFF)).isEqualTo(ist("2025-03-11T00:00"));
    }

    @Test
    void aLateOrderOnTheLastDayOfTheYearRollsIntoTheNextYear() {
        DeliveryPromise promise = DeliveryPromise.of(ist("2025-12-31T23:00"), CUTOFF, 2, 10);
        assertThat(promise.promiseDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(promise.etaHours()).isEqualTo(13);
    }

    static Instant ist(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime)
                .atOffset(ZoneOffset.ofHoursMinutes(5, 30))
                .toInstant();
    }
}
