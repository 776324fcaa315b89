package dev.bazaar.recommendation.store;

/** One item of a stored list and the score the training run gave it. */
public record Ranked(String itemId, double score) {}
