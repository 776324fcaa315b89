package dev.bazaar.recommendation.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A training run's {@code modelVersion}: {@code als-} and the run's start in basic ISO form
 * ({@code als-20261207T120000Z}). Its instant is the write timestamp of everything the run computed, so a newer
 * run always wins over an older one, whichever is consumed last.
 */
final class ModelVersions {

    private static final String PREFIX = "als-";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    /** The run's start; {@link IllegalArgumentException} for anything else (the record goes to the DLT). */
    static Instant startOf(String modelVersion) {
        if (modelVersion == null || !modelVersion.startsWith(PREFIX)) {
            throw new IllegalArgumentException("modelVersion is not als-<yyyyMMdd'T'HHmmss'Z'>: " + modelVersion);
        }
        try {
            return LocalDateTime.parse(modelVersion.substring(PREFIX.length()), BASIC)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("modelVersion is not als-<yyyyMMdd'T'HHmmss'Z'>: " + modelVersion, e);
        }
    }

    private ModelVersions() {}
}
