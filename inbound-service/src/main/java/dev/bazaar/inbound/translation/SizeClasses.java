package dev.bazaar.inbound.translation;

import dev.bazaar.contracts.SizeClass;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The parcel size class logistics needs, by this rule (also in the README):
 * <ol>
 * <li>From the physical size when known: the weight (explicit {@code weightGrams}, else an attribute
 * named exactly "Weight") and the longest side (explicit, else the largest of the attributes
 * "Length", "Width", "Height", "Depth"). Weight: ≤ 1 kg SMALL, ≤ 5 kg MEDIUM, ≤ 20 kg LARGE, more
 * BULKY. Longest side: ≤ 30 cm SMALL, ≤ 60 cm MEDIUM, ≤ 120 cm LARGE, more BULKY. When both are
 * known the larger class wins (a light but long rug still needs a large vehicle).</li>
 * <li>Otherwise from the top-level category ({@link #CATEGORY_DEFAULTS}), else MEDIUM: a wrong
 * MEDIUM costs a little capacity, a wrong SMALL sends a sofa on a motorbike.</li>
 * </ol>
 * Only exact attribute names count: "Heel Height" or "Gold Weight" describe a part, not the parcel.
 */
final class SizeClasses {

    static final Map<String, SizeClass> CATEGORY_DEFAULTS = Map.ofEntries(
            Map.entry("clothing", SizeClass.SMALL),
            Map.entry("footwear", SizeClass.SMALL),
            Map.entry("jewellery", SizeClass.SMALL),
            Map.entry("watches", SizeClass.SMALL),
            Map.entry("mobiles & accessories", SizeClass.SMALL),
            Map.entry("beauty and personal care", SizeClass.SMALL),
            Map.entry("pens & stationery", SizeClass.SMALL),
            Map.entry("sunglasses", SizeClass.SMALL),
            Map.entry("bags, wallets & belts", SizeClass.SMALL),
            Map.entry("kitchen & dining", SizeClass.MEDIUM),
            Map.entry("home furnishing", SizeClass.MEDIUM),
            Map.entry("home decor & festive needs", SizeClass.MEDIUM),
            Map.entry("toys & school supplies", SizeClass.MEDIUM),
            Map.entry("computers", SizeClass.MEDIUM),
            Map.entry("home appliances", SizeClass.LARGE),
            Map.entry("sports & fitness", SizeClass.LARGE),
            Map.entry("furniture", SizeClass.BULKY));

    private static final List<String> SIDES = List.of("Length", "Width", "Height", "Depth");

    public static SizeClass classify(
            Double weightGrams, Double longestSideCm, List<String> categoryPath, Map<String, Object> attributes) {
        OptionalDouble weight = weightGrams != null ? OptionalDouble.of(weightGrams) : weightFrom(attributes);
        OptionalDouble side = longestSideCm != null ? OptionalDouble.of(longestSideCm) : longestSideFrom(attributes);
        if (weight.isPresent() || side.isPresent()) {
            SizeClass byWeight = weight.isPresent() ? byWeight(weight.getAsDouble()) : SizeClass.SMALL;
            SizeClass bySide = side.isPresent() ? bySide(side.getAsDouble()) : SizeClass.SMALL;
            return byWeight.compareTo(bySide) >= 0 ? byWeight : bySide;
        }
        return byCategory(categoryPath);
    }

    static SizeClass byWeight(double grams) {
        return grams <= 1_000
                ? SizeClass.SMALL
                : grams <= 5_000 ? SizeClass.MEDIUM : grams <= 20_000 ? SizeClass.LARGE : SizeClass.BULKY;
    }

    static SizeClass bySide(double cm) {
        return cm <= 30 ? SizeClass.SMALL : cm <= 60 ? SizeClass.MEDIUM : cm <= 120 ? SizeClass.LARGE : SizeClass.BULKY;
    }

    static SizeClass byCategory(List<String> categoryPath) {
        if (categoryPath == null || categoryPath.isEmpty()) {
            return SizeClass.MEDIUM;
        }
        return CATEGORY_DEFAULTS.getOrDefault(categoryPath.get(0).toLowerCase(Locale.ROOT), SizeClass.MEDIUM);
    }

    private static OptionalDouble weightFrom(Map<String, Object> attributes) {
        Object weight = Measurements.attribute(attributes, "Weight");
        return weight == null ? OptionalDouble.empty() : Measurements.grams(weight);
    }

    private static OptionalDouble longestSideFrom(Map<String, Object> attributes) {
        return SIDES.stream()
                .map(side -> Measurements.attribute(attributes, side))
                .filter(value -> value != null)
                .map(Measurements::centimetres)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .max();
    }

    private SizeClasses() {}
}
