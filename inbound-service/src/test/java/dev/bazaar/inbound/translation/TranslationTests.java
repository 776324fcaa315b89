package dev.bazaar.inbound.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.ItemIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The translation rules without Spring: prices, category trees, specifications, size classes, Flipkart
 * CSV rows (the CSV reader itself is tested with it in contracts: {@code CsvReaderTests}).
 */
class TranslationTests {

    @Test
    void pricesAreRupeesToPaise() {
        assertThat(Prices.parseRupees("379")).contains(37_900L);
        assertThat(Prices.parseRupees(" 1,299.50 ")).contains(129_950L);
        assertThat(Prices.parseRupees("₹ 999")).contains(99_900L);
        assertThat(Prices.parseRupees("")).isEmpty();
        assertThat(Prices.parseRupees(null)).isEmpty();
        assertThatThrownBy(() -> Prices.parseRupees("abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Prices.parseRupees("-5")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Prices.parseRupees("1.999")).hasMessageContaining("decimal places");
    }

    @Test
    void categoryTreeIsSplitIntoLevels() {
        assertThat(CategoryTrees.parse("[\"Clothing >> Women's Clothing >> Lingerie, Sleep & Swimwear >> Shorts\"]"))
                .containsExactly("Clothing", "Women's Clothing", "Lingerie, Sleep & Swimwear", "Shorts");
        assertThat(CategoryTrees.parse("[\"Sunglasses\"]")).containsExactly("Sunglasses");
        assertThat(CategoryTrees.parse("A >> B")).containsExactly("A", "B");
        assertThat(CategoryTrees.parse("")).isEmpty();
    }

    @Test
    void specificationsInAllThreeVariantsBecomeAttributes() {
        assertThat(
                        FlipkartSpecifications.parse(
                                "{\"product_specification\"=>[{\"key\"=>\"Fabric\", \"value\"=>\"Cotton Lycra\"}, "
                                        + "{\"key\"=>\"Pattern\", \"value\"=>\"Solid\"}, {\"value\"=>\"3 shorts\"}, {\"value\"=>\"Gentle wash\"}]}"))
                .containsExactly(
                        Map.entry("Fabric", "Cotton Lycra"),
                        Map.entry("Pattern", "Solid"),
                        Map.entry("Other", "3 shorts"),
                        Map.entry("Other 2", "Gentle wash"));
        assertThat(FlipkartSpecifications.parse(
                        "{\"product_specification\"=>{\"key\"=>\"Sales Package\", \"value\"=>\"Coin Bank\"}}"))
                .containsExactly(Map.entry("Sales Package", "Coin Bank"));
        assertThat(FlipkartSpecifications.parse("")).isEmpty();
        assertThat(FlipkartSpecifications.parse(
                        "{\"product_specification\"=>[{\"key\"=>\"Say \\\"hi\\\"\", \"value\"=>\"x\"}]}"))
                .containsKey("Say \"hi\"");
    }

    @Test
    void sizeClassFromWeightOrDimensionsElseCategory() {
        assertThat(SizeClasses.classify(null, null, List.of("Furniture"), Map.of("Weight", "40 kg")))
                .isEqualTo(SizeClass.BULKY);
        assertThat(SizeClasses.classify(null, null, List.of("Footwear"), Map.of("Weight", "323 g")))
                .isEqualTo(SizeClass.SMALL);
        // The larger of weight and longest side wins: a light but 1.9 m long item is BULKY.
        assertThat(SizeClasses.classify(null, null, List.of(), Map.of("Weight", "800 g", "Width", "1905 mm")))
                .isEqualTo(SizeClass.BULKY);
        assertThat(SizeClasses.classify(null, null, List.of(), Map.of("Height", "15 inch")))
                .isEqualTo(SizeClass.MEDIUM);
        // A part's measure ("Heel Height") is not the parcel's; "NA g" is not a weight.
        assertThat(SizeClasses.classify(
                        null, null, List.of("Footwear"), Map.of("Heel Height", "90 inch", "Weight", "NA g")))
                .isEqualTo(SizeClass.SMALL);
        assertThat(SizeClasses.classify(3_000.0, null, List.of("Clothing"), Map.of()))
                .isEqualTo(SizeClass.MEDIUM);
        assertThat(SizeClasses.classify(null, 100.0, List.of(), Map.of())).isEqualTo(SizeClass.LARGE);
        assertThat(SizeClasses.classify(null, null, List.of("Furniture", "Sofa Beds"), Map.of()))
                .isEqualTo(SizeClass.BULKY);
        assertThat(SizeClasses.classify(null, null, List.of("Clothing"), Map.of()))
                .isEqualTo(SizeClass.SMALL);
        assertThat(SizeClasses.classify(null, null, List.of("Something new"), Map.of()))
                .isEqualTo(SizeClass.MEDIUM);
    }

    @Test
    void flipkartRowsTranslateToCanonicalItems() throws IOException {
        String header = "uniq_id,crawl_timestamp,product_url,product_name,product_category_tree,pid,retail_price,"
                + "discounted_price,image,is_FK_Advantage_product,description,product_rating,overall_rating,brand,"
                + "product_specifications\n";
        String good =
                "u1,2016,http://x,Alisha Shorts,\"[\"\"Clothing >> Women's Clothing >> Shorts\"\"]\",SRT1,999,379,"
                        + "\"[\"\"http://img/1.jpeg\"\", \"\"http://img/2.jpeg\"\"]\",FALSE,Nice shorts,4.5,4.5,Alisha,"
                        + "\"{\"\"product_specification\"\"=>[{\"\"key\"\"=>\"\"Fabric\"\", \"\"value\"\"=>\"\"Cotton\"\"}]}\"\n";
        String noPrice =
                "u2,2016,http://x,Dog Shampoo,\"[\"\"Pet Supplies\"\"]\",PSO1,,,,FALSE,,No rating available,,,\n";
        String noPid = "u3,2016,http://x,Mug,\"[\"\"Kitchen & Dining\"\"]\",,200,abc,,FALSE,,,,,\n";
        List<SupplierRow> rows = translate(header + good + ",,,,,,,,,,,,,,\n" + noPrice + noPid);

        var accepted = (SupplierRow.Accepted) rows.get(0);
        assertThat(accepted.rowNumber()).isEqualTo(1);
        assertThat(accepted.item().itemId()).isEqualTo(ItemIds.of("s1", "SRT1"));
        assertThat(accepted.item().price().minor()).isEqualTo(37_900);
        assertThat(accepted.item().mrp().minor()).isEqualTo(99_900);
        assertThat(accepted.item().categoryPath()).containsExactly("Clothing", "Women's Clothing", "Shorts");
        assertThat(accepted.item().images()).containsExactly("http://img/1.jpeg", "http://img/2.jpeg");
        assertThat(accepted.item().attributes())
                .containsEntry("Fabric", "Cotton")
                .containsEntry("Rating", 4.5)
                .containsEntry("FK Advantage Product", false);
        assertThat(accepted.item().sizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(rows.get(1)).isEqualTo(new SupplierRow.Blank(2));
        assertThat(rows.get(2))
                .isEqualTo(new SupplierRow.Rejected(
                        3,
                        List.of(new RowFault(
                                "discounted_price", "no price: retail_price and discounted_price are both empty"))));
        // No pid: uniq_id is the SKU; the unreadable price is reported under its own column name.
        assertThat(rows.get(3))
                .isEqualTo(new SupplierRow.Rejected(
                        4, List.of(new RowFault("discounted_price", "'abc' is not a number"))));
    }

    private static List<SupplierRow> translate(String csv) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("flipkart", ".csv");
        try {
            java.nio.file.Files.writeString(file, csv);
            List<SupplierRow> rows = new ArrayList<>();
            try (SupplierRows reader = new FlipkartCsvFormat().open(file, "s1")) {
                for (SupplierRow row = reader.next(); row != null; row = reader.next()) {
                    rows.add(row);
                }
            }
            return rows;
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
