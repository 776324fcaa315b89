package dev.bazaar.inbound.translation;

/** Why one field of one supplier row cannot be accepted; the row number is added by the reader. */
public record RowFault(String field, String reason) {}
