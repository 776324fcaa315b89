package dev.bazaar.serviceability.tat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a parcel ordered at {@code orderedAt} arrives: a warehouse picks orders that arrive before
 * its daily cut-off (India Standard Time) the same day; later orders wait for the next day's first
 * shift (midnight IST). Then handling hours, then transit hours.
 *
 * @param etaHours whole hours from the order to the delivery, rounded up
 */
public record DeliveryPromise(int etaHours, OffsetDateTime promisedBy, LocalDate promiseDate) {

    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    public static DeliveryPromise of(Instant orderedAt, LocalTime cutoff, int handlingHours, int transitHours) {
        Instant delivered =
                handlingStarts(orderedAt, cutoff).plus(Duration.ofHours((long) handlingHours + transitHours));
        long minutes = Duration.between(orderedAt, delivered).toMinutes();
        int etaHours = (int) ((minutes + 59) / 60);
        ZonedDateTime local = delivered.atZone(IST);
        return new DeliveryPromise(etaHours, local.toOffsetDateTime(), local.toLocalDate());
    }

    /** Orders at or before the cut-off are handled at once; later ones from the next midnight (IST). */
    public static Instant handlingStarts(Instant orderedAt, LocalTime cutoff) {
        ZonedDateTime local = orderedAt.atZone(IST);
        if (!local.toLocalTime().isAfter(cutoff)) {
            return orderedAt;
        }
        return local.toLocalDate().plusDays(1).atStartOfDay(IST).toInstant();
    }
}
