package dev.bazaar.notification.template;

/** One message rendered for one channel: {@code html} only for EMAIL (null otherwise). */
public record Rendered(String subject, String text, String html) {}
