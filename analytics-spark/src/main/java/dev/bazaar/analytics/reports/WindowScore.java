package dev.bazaar.analytics.reports;

import java.time.Instant;

/** One key's score in one window of a report, as a micro-batch of the windowed counts yields it. */
record WindowScore(Instant windowStart, Instant windowEnd, String key, double score) {}
