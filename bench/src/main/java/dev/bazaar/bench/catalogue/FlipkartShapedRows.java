package dev.bazaar.bench.catalogue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Synthetic catalogue rows with the columns, quoting and size of the real Flipkart sample: a
 * category tree, an image list, a description of a few hundred characters and a
 * {@code product_specification} blob, so parsing and translation cost what real files cost.
 */
final class FlipkartShapedRows {

    /** The sample's 15 columns, in its order: the CSV's header and the raw baseline's field names. */
    static final String[] COLUMNS = {
        "uniq_id",
        "crawl_timestamp",
        "product_url",
        "product_name",
        "product_category_tree",
        "pid",
        "retail_price",
        "discounted_price",
        "image",
        "is_FK_Advantage_product",
        "description",
        "product_rating",
        "overall_rating",
        "brand",
        "product_specifications"
    };

    private static final String[] BRANDS = {"Alisha", "Samsung", "FabHomeDecor", "Nike", "Prestige", "Lenovo"};
    private static final String[] TREES = {
        "Clothing >> Women's Clothing >> Kurtas",
        "Mobiles & Accessories >> Mobiles",
        "Furniture >> Living Room Furniture >> Sofa Beds",
        "Footwear >> Men's Footwear >> Sports Shoes",
        "Home & Kitchen >> Cookware >> Pressure Cookers",
        "Computers >> Laptops"
    };
    private static final String[] FABRICS = {"Cotton", "Silk", "Polyester", "Leather", "Steel", "Aluminium"};

    private final String runId;

    FlipkartShapedRows(String runId) {
        this.runId = runId;
    }

    String runId() {
        return runId;
    }

    String sku(int row) {
        return "BENCH-" + runId + "-" + row;
    }

    /** The fields of one row, unquoted; the same values feed the CSV and the raw baseline. */
    String[] fields(int row) {
        Random random = new Random(row);
        int kind = random.nextInt(BRANDS.length);
        String brand = BRANDS[kind];
        String name = brand + " " + FABRICS[kind] + " product " + row;
        long mrp = 199 + random.nextInt(50_000);
        long price = mrp - random.nextInt((int) (mrp / 2));
        String description = ("Key Features of " + name + " ").repeat(8) + "In the Box 1 piece";
        String specs = "{\"product_specification\"=>[{\"key\"=>\"Fabric\", \"value\"=>\"" + FABRICS[kind]
                + "\"}, {\"key\"=>\"Weight\", \"value\"=>\"" + (1 + random.nextInt(20)) + " kg\"}, "
                + "{\"key\"=>\"Ideal For\", \"value\"=>\"Women's\"}, {\"key\"=>\"Pack of\", \"value\"=>\"1\"}]}";
        return new String[] {
            Integer.toHexString(row) + runId,
            "2016-03-25 22:59:23 +0000",
            "http://www.flipkart.com/p/" + sku(row),
            name,
            "[\"" + TREES[kind] + " >> " + name + "\"]",
            sku(row),
            Long.toString(mrp),
            Long.toString(price),
            "[\"http://img5a.flixcart.com/image/" + row + "-1.jpeg\", \"http://img5a.flixcart.com/image/" + row
                    + "-2.jpeg\"]",
            "FALSE",
            description,
            "No rating available",
            "No rating available",
            brand,
            specs
        };
    }

    Path writeCsv(int rows) throws IOException {
        Path file = Files.createTempFile("bazaar-bench-" + runId, ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (int row = 0; row < rows; row++) {
                String[] fields = fields(row);
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write('"');
                    out.write(fields[i].replace("\"", "\"\""));
                    out.write('"');
                }
                out.write('\n');
            }
        }
        return file;
    }
}
