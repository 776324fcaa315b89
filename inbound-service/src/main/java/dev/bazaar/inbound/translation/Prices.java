package dev.bazaar.inbound.translation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Rupee amounts as suppliers write them ("379", "1,299.50", "₹ 999") to paise. */
final class Prices {

    /** Refuses more than this (₹100 crore): a larger figure is a data error, not a product. */
    static final long MAX_MINOR = 100_000_000_000L;

    /**
     * @return empty for a blank value
     * @throws IllegalArgumentException with a reason a supplier understands, for anything else that is not a price
     */
    public static Optional<Long> parseRupees(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String cleaned = raw.strip()
                .replace("₹", "")
                .replace("Rs.", "")
                .replace("INR", "")
                .replace(",", "")
                .strip();
        BigDecimal rupees;
        try {
            rupees = new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(raw) + "' is not a number");
        }
        return Optional.of(toMinor(rupees));
    }

    public static long toMinor(BigDecimal rupees) {
        if (rupees.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (rupees.scale() > 2 && rupees.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("has more than 2 decimal places");
        }
        BigDecimal paise = rupees.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (paise.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new IllegalArgumentException("is implausibly large");
        }
        return paise.longValueExact();
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private Prices() {}
}
