package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogueTests {

    static final List<DemoItem> items = DemoCatalogue.standard().items();

    @Test
    void atLeastFiveThousandItemsInAtLeastEightDepartments() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(5_000);
        Map<String, Long> perDepartment =
                items.stream().collect(Collectors.groupingBy(DemoItem::department, Collectors.counting()));
        assertThat(perDepartment).hasSizeGreaterThanOrEqualTo(8);
        // No department is a token one: each holds at least a twentieth of the catalogue.
        assertThat(perDepartment.values())
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(items.size() / 20));
    }

    @Test
    void everyRunMakesTheSameItems() {
        assertThat(DemoCatalogue.standard().items()).isEqualTo(items);
    }

    /**
     * Pinned across JVM runs and machines, not only within one: a re-import must address the same
     * item ids. This digest changes only when the generator is changed on purpose (then update it,
     * knowing that the next import adds new items beside the old ones).
     */
    @Test
    void itemIdsAndContentArePinned() throws Exception {
        DemoItem first = items.get(0);
        assertThat(first.supplierSku()).isEqualTo("DEMO-TSH-0001");
        assertThat(first.itemId()).isEqualTo(dev.bazaar.contracts.catalog.ItemIds.of("demo-supplier", "DEMO-TSH-0001"));
        assertThat(digest(items.stream().map(DemoItem::itemId))).isEqualTo(PINNED_IDS);
        assertThat(digest(items.stream()
                        .map(item -> item.title() + "|" + item.priceRupees() + "|" + item.mrpRupees() + "|"
                                + item.attributes() + "|" + item.parcel())))
                .isEqualTo(PINNED_CONTENT);
    }

    static final String PINNED_IDS = "160dbb251787f86f";
    static final String PINNED_CONTENT = "d147110e7b172584";

    @Test
    void skusAreUnique() {
        Set<String> skus = new HashSet<>();
        assertThat(items)
                .allSatisfy(item -> assertThat(skus.add(item.supplierSku()))
                        .as(item.supplierSku())
                        .isTrue());
    }

    /** The shared rules of inbound-service's ItemRules (its README, "Shared rules / limits"), item by item. */
    @Test
    void everyItemPassesInboundsRowRules() {
        assertThat(items).allSatisfy(item -> {
            assertThat(item.supplierSku()).isNotBlank().hasSizeLessThanOrEqualTo(128);
            assertThat(item.title()).isNotBlank().hasSizeLessThanOrEqualTo(500).doesNotContain("{", "}", "  ");
            assertThat(item.brand()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(item.description()).isNotBlank().hasSizeLessThanOrEqualTo(100_000);
            assertThat(item.categoryPath())
                    .hasSizeBetween(2, 10)
                    .allSatisfy(level -> assertThat(level).isNotBlank().hasSizeLessThanOrEqualTo(200));
            assertThat(item.images())
                    .hasSizeBetween(1, 20)
                    .allSatisfy(url -> assertThat(url).startsWith("https://").hasSizeLessThanOrEqualTo(2_048));
            assertThat(item.priceRupees()).isPositive().isLessThanOrEqualTo(1_000_000_000L);
            assertThat(item.mrpRupees()).isGreaterThanOrEqualTo(item.priceRupees());
            assertThat(item.attributes()).isNotEmpty().hasSizeLessThanOrEqualTo(200);
            item.attributes().forEach((name, value) -> {
                assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(100);
                assertThat(value).isInstanceOfAny(String.class, Long.class, BigDecimal.class, Boolean.class);
                if (value instanceof String text) {
                    assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
                }
            });
            assertThat(item.parcel().weightGrams()).isPositive();
            assertThat(List.of(
                            item.parcel().lengthCm(),
                            item.parcel().widthCm(),
                            item.parcel().heightCm()))
                    .allSatisfy(side -> assertThat(side).isPositive());
        });
    }

    /**
     * inbound derives the size class from weight and longest side (SizeClasses: ≤ 1 / 5 / 20 kg,
     * ≤ 30 / 60 / 120 cm, the larger class wins): every item's parcel must land in the class its
     * product line means, and the shop must have parcels of every class (logistics lanes differ).
     */
    @Test
    void everyParcelIsOfItsProductLinesSizeClass() {
        assertThat(items)
                .allSatisfy(item -> assertThat(classOf(item.parcel()))
                        .as(item.title() + " " + item.parcel())
                        .isEqualTo(item.sizeClass()));
        assertThat(items.stream()
                        .map(DemoItem::sizeClass)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SizeClass.class))))
                .containsExactly(SizeClass.values());
    }

    @Test
    void pricesEndInNineAsShopsWriteThem() {
        assertThat(items).allSatisfy(item -> {
            assertThat(item.priceRupees() % 10).isEqualTo(9);
            assertThat(item.mrpRupees() % 10).isEqualTo(9);
        });
        assertThat(items.stream()
                        .filter(item -> item.mrpRupees() > item.priceRupees())
                        .count())
                .as("discounted items")
                .isGreaterThan(items.size() / 2);
    }

    /** The misspelt search the welcome suggests must be one edit away from words of demo titles. */
    @Test
    void theSuggestedMisspeltSearchIsOneEditFromDemoTitles() {
        String[] typed = DemoShop.MISSPELT_SEARCH.split(" ");
        List<DemoItem> meant = items.stream()
                .filter(item -> {
                    List<String> words = List.of(item.title().toLowerCase().split("\\W+"));
                    return java.util.Arrays.stream(typed)
                            .allMatch(word -> words.stream().anyMatch(w -> edits(word, w) == 1));
                })
                .toList();
        assertThat(meant).hasSizeGreaterThan(50);
    }

    static SizeClass classOf(Parcel parcel) {
        int grams = parcel.weightGrams();
        int side = parcel.longestSideCm();
        SizeClass byWeight = grams <= 1_000
                ? SizeClass.SMALL
                : grams <= 5_000 ? SizeClass.MEDIUM : grams <= 20_000 ? SizeClass.LARGE : SizeClass.BULKY;
        SizeClass bySide = side <= 30
                ? SizeClass.SMALL
                : side <= 60 ? SizeClass.MEDIUM : side <= 120 ? SizeClass.LARGE : SizeClass.BULKY;
        return byWeight.compareTo(bySide) >= 0 ? byWeight : bySide;
    }

    /** Levenshtein distance. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    static String digest(java.util.stream.Stream<String> values) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        values.forEach(value -> sha.update((value + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
