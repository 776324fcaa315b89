package dev.bazaar.inbound.translation;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a weight or a length from free-text attributes ({@code "40 kg"}, {@code "838.2 mm"},
 * {@code "23 inch / 40 cm"}): the first number followed by a known unit. Anything else (e.g.
 * {@code "NA g"}, {@code "Yes"}) is not a measurement and is ignored.
 */
final class Measurements {

    private static final Pattern QUANTITY = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(kg|kgs|g|gm|gms|gram|grams|mg|mm|cm|m|inch|inches|in|ft|feet)\\b",
            Pattern.CASE_INSENSITIVE);

    public static OptionalDouble grams(Object value) {
        Matcher m = QUANTITY.matcher(String.valueOf(value));
        while (m.find()) {
            double amount = Double.parseDouble(m.group(1));
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "kg", "kgs" -> {
                    return OptionalDouble.of(amount * 1000);
                }
                case "g", "gm", "gms", "gram", "grams" -> {
                    return OptionalDouble.of(amount);
                }
                case "mg" -> {
                    return OptionalDouble.of(amount / 1000);
                }
                default -> {} // a length, not a weight: keep looking
            }
        }
        return OptionalDouble.empty();
    }

    public static OptionalDouble centimetres(Object value) {
        Matcher m = QUANTITY.matcher(String.valueOf(value));
        while (m.find()) {
            double amount = Double.parseDouble(m.group(1));
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "mm" -> {
                    return OptionalDouble.of(amount / 10);
                }
                case "cm" -> {
                    return OptionalDouble.of(amount);
                }
                case "m" -> {
                    return OptionalDouble.of(amount * 100);
                }
                case "inch", "inches", "in" -> {
                    return OptionalDouble.of(amount * 2.54);
                }
                case "ft", "feet" -> {
                    return OptionalDouble.of(amount * 30.48);
                }
                default -> {} // a weight, not a length: keep looking
            }
        }
        return OptionalDouble.empty();
    }

    /** The attribute named exactly {@code name}, ignoring case ("Weight" but not "Gold Weight"). */
    static Object attribute(Map<String, Object> attributes, String name) {
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private Measurements() {}
}
