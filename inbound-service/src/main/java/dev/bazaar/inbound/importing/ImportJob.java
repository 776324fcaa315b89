package dev.bazaar.inbound.importing;

import java.time.Instant;

record ImportJob(
        String importId,
        String supplierId,
        String format,
        ImportStatus status,
        String spoolPath,
        long bodyBytes,
        ImportCounts counts,
        String failure,
        Instant receivedAt,
        Instant startedAt,
        Instant finishedAt,
        String traceparent) {}
