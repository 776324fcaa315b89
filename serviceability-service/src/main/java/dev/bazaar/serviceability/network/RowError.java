package dev.bazaar.serviceability.network;

/** Why one uploaded row was rejected; {@code row} counts data rows from 1 (the CSV header is not a row). */
public record RowError(int row, String field, String message) {}
