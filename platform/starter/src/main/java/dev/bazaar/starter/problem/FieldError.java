package dev.bazaar.starter.problem;

/** One invalid field of a request, listed in a problem's {@code errors} property. */
public record FieldError(String field, String message) {}
