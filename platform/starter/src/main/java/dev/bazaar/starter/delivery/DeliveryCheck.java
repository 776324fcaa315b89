package dev.bazaar.starter.delivery;

import java.util.Map;

/**
 * The answer for one batch of items.
 *
 * @param outcome OK, TIMEOUT (budget spent), DOWN (refused, 5xx, unreadable), UNKNOWN_PINCODE
 * @param byItemId a delivery per item asked for (UNKNOWN for all unless the outcome is OK)
 */
public record DeliveryCheck(Outcome outcome, Map<String, Delivery> byItemId) {

    public enum Outcome {
        OK,
        TIMEOUT,
        DOWN,
        UNKNOWN_PINCODE
    }

    public Delivery of(String itemId) {
        return byItemId.getOrDefault(itemId, Delivery.UNKNOWN);
    }
}
