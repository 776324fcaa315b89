package dev.bazaar.demo;

import dev.bazaar.contracts.SizeClass;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * One kind of product a shop sells ("Men's running shoes"), and how to make plausible items of it:
 * its category, brands, model series, title pattern, attributes, price band and parcel size.
 * Title patterns name the brand as {@code {brand}}, the model as {@code {model}} and any attribute
 * by its name, e.g. {@code "{brand} {model} 5G ({Color}, {Storage})"}.
 */
public record ProductLine(
        String code,
        List<String> categoryPath,
        String noun,
        List<String> brands,
        List<String> series,
        String titlePattern,
        Map<String, Function<Random, Object>> attributes,
        long minPriceRupees,
        long maxPriceRupees,
        SizeClass sizeClass,
        int minWeightGrams,
        int maxWeightGrams,
        int minLongestSideCm,
        int maxLongestSideCm) {

    static final String IMAGE_HOST = "https://placehold.co/";

    static Builder line(String code, String noun, String... categoryPath) {
        return new Builder(code, noun, List.of(categoryPath));
    }

    /** The {@code number}th item of this line (from 1), drawn from {@code random}. */
    DemoItem item(int number, Random random) {
        String brand = pick(random, brands);
        String model = series.isEmpty() ? "" : pick(random, series) + " " + (2 + random.nextInt(98));
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach((name, draw) -> values.put(name, draw.apply(random)));
        // A shopper's rating, as the Flipkart sample carries it: search sorts by the attribute "Rating".
        values.put("Rating", BigDecimal.valueOf(30 + random.nextInt(19), 1));
        String title = title(brand, model, values);
        long price = ShopPrices.price(random, minPriceRupees, maxPriceRupees);
        long mrp = ShopPrices.mrpFor(random, price);
        return new DemoItem(
                "DEMO-" + code + "-" + String.format("%04d", number),
                title,
                brand,
                categoryPath,
                price,
                mrp,
                images(brand, model),
                description(title, brand, values),
                values,
                parcel(random),
                sizeClass);
    }

    private String title(String brand, String model, Map<String, Object> values) {
        String title = titlePattern.replace("{brand}", brand).replace("{model}", model);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            title = title.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return title.replaceAll("\\s+", " ").strip();
    }

    private List<String> images(String brand, String model) {
        // Placeholders labelled with what the shopper would see on the photo: the model and the kind of product.
        String kind = categoryPath.get(categoryPath.size() - 1);
        String label = URLEncoder.encode((brand + " " + model).strip() + "\n" + kind, StandardCharsets.UTF_8);
        return List.of(IMAGE_HOST + "600x600/png?text=" + label, IMAGE_HOST + "800x600/png?text=" + label);
    }

    private String description(String title, String brand, Map<String, Object> values) {
        List<String> facts = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!name.equals("Rating")) {
                facts.add(name + " " + value);
            }
        });
        String kind = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        return title + ". " + kind + " by " + brand + ": " + String.join(", ", facts)
                + ". Sold by the Bazaar demo supplier; dispatched in 1-2 days.";
    }

    /** A box whose weight and longest side lie in this line's bands, the other sides shorter. */
    private Parcel parcel(Random random) {
        int weight = between(random, minWeightGrams, maxWeightGrams);
        int longest = between(random, minLongestSideCm, maxLongestSideCm);
        int width = Math.max(1, longest * (25 + random.nextInt(60)) / 100);
        int height = Math.max(1, width * (20 + random.nextInt(80)) / 100);
        return new Parcel(weight, longest, width, height);
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Collects a line's description; the department lists in {@link Departments} read as a table. */
    static final class Builder {
        private final String code;
        private final String noun;
        private final List<String> categoryPath;
        private List<String> brands = List.of();
        private List<String> series = List.of();
        private String titlePattern;
        // In declaration order: the order attributes are drawn in, so the catalogue stays the same.
        private final Map<String, Function<Random, Object>> attributes = new LinkedHashMap<>();
        private long minPrice;
        private long maxPrice;

        private Builder(String code, String noun, List<String> categoryPath) {
            this.code = code;
            this.noun = noun;
            this.categoryPath = categoryPath;
        }

        Builder brands(String... names) {
            brands = List.of(names);
            return this;
        }

        /** Model series; each item gets one with a number ("Nova 12"). None for unnamed goods. */
        Builder series(String... names) {
            series = List.of(names);
            return this;
        }

        Builder title(String pattern) {
            titlePattern = pattern;
            return this;
        }

        /** A text attribute taking one of the values. */
        Builder attr(String name, String... values) {
            List<String> choices = List.of(values);
            attributes.put(name, random -> pick(random, choices));
            return this;
        }

        /** A whole-number attribute from {@code min} to {@code max} in steps of {@code step}. */
        Builder number(String name, long min, long max, long step) {
            attributes.put(name, random -> min + step * random.nextInt((int) ((max - min) / step) + 1));
            return this;
        }

        Builder price(long minRupees, long maxRupees) {
            minPrice = minRupees;
            maxPrice = maxRupees;
            return this;
        }

        /** The parcel: its size class, and the weight and longest-side bands that put it there. */
        ProductLine parcel(SizeClass sizeClass, int minGrams, int maxGrams, int minSideCm, int maxSideCm) {
            return new ProductLine(
                    code,
                    categoryPath,
                    noun,
                    brands,
                    series,
                    titlePattern,
                    Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    minPrice,
                    maxPrice,
                    sizeClass,
                    minGrams,
                    maxGrams,
                    minSideCm,
                    maxSideCm);
        }
    }
}
