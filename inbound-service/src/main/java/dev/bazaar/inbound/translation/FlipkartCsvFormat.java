package dev.bazaar.inbound.translation;

import dev.bazaar.contracts.csv.CsvReader;
import dev.bazaar.starter.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Flipkart's catalogue export (the 15 columns of the public Flipkart sample). Quirks handled: blank
 * rows are skipped, the category tree is {@code ["A >> B >> C"]}, specifications are Ruby-hash text,
 * prices are whole rupees with {@code discounted_price} the selling price and {@code retail_price} the
 * MRP, and the SKU is {@code pid}, or {@code uniq_id} when a row has no pid.
 */
@Component
class FlipkartCsvFormat implements SupplierFormat {

    /** Without these a row cannot become an item; the other columns are optional. */
    static final List<String> REQUIRED_COLUMNS =
            List.of("uniq_id", "pid", "product_name", "product_category_tree", "retail_price", "discounted_price");

    /** A cell longer than this is rejected without being held in memory (the description limit is far lower). */
    static final int MAX_CELL_CHARS = 1 << 20;

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "supplierSku",
            "pid",
            "title",
            "product_name",
            "categoryPath",
            "product_category_tree",
            "price",
            "discounted_price",
            "mrp",
            "retail_price",
            "images",
            "image",
            "attributes",
            "product_specifications");
    private static final UnaryOperator<String> COLUMN_NAMES = field -> COLUMN_OF_FIELD.getOrDefault(field, field);
    private static final Pattern IMAGE_URL = Pattern.compile("\"(https?://[^\"]+)\"");

    @Override
    public String name() {
        return "flipkart-csv";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("text/csv");
    }

    @Override
    public void checkRequest(Path spool) throws IOException {
        try (CsvReader csv = reader(spool)) {
            CsvReader.Record header = csv.read();
            if (header == null) {
                throw ApiProblem.badRequest("empty-body", "The CSV file is empty.");
            }
            List<String> columns = header.fields().stream()
                    .map(c -> c.strip().toLowerCase(Locale.ROOT))
                    .toList();
            List<String> missing =
                    REQUIRED_COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ApiProblem.badRequest(
                                "invalid-csv-header",
                                "The CSV header lacks the required column(s) " + String.join(", ", missing)
                                        + "; required: " + String.join(", ", REQUIRED_COLUMNS) + ".")
                        .with("missingColumns", missing);
            }
            if (csv.read() == null) {
                throw ApiProblem.badRequest("empty-body", "The CSV file has a header but no rows.");
            }
        }
    }

    @Override
    public SupplierRows open(Path spool, String supplierId) throws IOException {
        CsvReader csv = reader(spool);
        CsvReader.Record header = csv.read();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            index.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> columnByIndex = new ArrayList<>(header.fields());
        return new SupplierRows() {
            @Override
            public SupplierRow next() throws IOException {
                CsvReader.Record record = csv.read();
                return record == null ? null : translate(record, index, columnByIndex, supplierId);
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    SupplierRow translate(
            CsvReader.Record record, Map<String, Integer> index, List<String> columns, String supplierId) {
        long row = record.number();
        if (record.isBlank()) {
            return new SupplierRow.Blank(row);
        }
        if (record.unterminatedQuote()) {
            return new SupplierRow.Rejected(
                    row, List.of(new RowFault("row", "a quoted field is not closed before the end of the file")));
        }
        if (!record.oversized().isEmpty()) {
            return new SupplierRow.Rejected(
                    row,
                    record.oversized().stream()
                            .mapToObj(i -> new RowFault(
                                    i < columns.size() ? columns.get(i) : "column " + (i + 1),
                                    "is longer than " + MAX_CELL_CHARS + " characters"))
                            .toList());
        }
        if (record.fields().size() != columns.size()) {
            return new SupplierRow.Rejected(
                    row,
                    List.of(new RowFault(
                            "row", "has " + record.fields().size() + " fields, the header has " + columns.size())));
        }
        Cells cells = new Cells(record.fields(), index);
        ItemDraft draft = new ItemDraft();
        draft.supplierSku = cells.get("pid").or(() -> cells.get("uniq_id")).orElse(null);
        draft.title = cells.get("product_name").orElse(null);
        draft.brand = cells.get("brand").orElse(null);
        draft.description = cells.get("description").orElse(null);
        draft.categoryPath =
                CategoryTrees.parse(cells.get("product_category_tree").orElse(null));
        readPrices(draft, cells);
        draft.images = cells.get("image").map(FlipkartCsvFormat::imageUrls).orElse(List.of());
        draft.attributes =
                FlipkartSpecifications.parse(cells.get("product_specifications").orElse(null));
        cells.get("is_fk_advantage_product")
                .ifPresent(fk -> draft.attributes.put("FK Advantage Product", Boolean.parseBoolean(fk.strip())));
        cells.get("product_rating")
                .flatMap(FlipkartCsvFormat::rating)
                .ifPresent(rating -> draft.attributes.put("Rating", rating));
        return ItemRules.toRow(row, draft, supplierId, COLUMN_NAMES);
    }

    /** {@code discounted_price} is what the shopper pays, {@code retail_price} the MRP; either stands in for a missing other. */
    private static void readPrices(ItemDraft draft, Cells cells) {
        Optional<Long> discounted =
                rupees(draft, "price", cells.get("discounted_price").orElse(null));
        Optional<Long> retail = rupees(draft, "mrp", cells.get("retail_price").orElse(null));
        if (!draft.faults.isEmpty()) {
            return;
        }
        if (discounted.isEmpty() && retail.isEmpty()) {
            draft.fault("price", "no price: retail_price and discounted_price are both empty");
            return;
        }
        draft.priceMinor = discounted.or(() -> retail).get();
        draft.mrpMinor = retail.or(() -> discounted).get();
    }

    private static Optional<Long> rupees(ItemDraft draft, String field, String raw) {
        try {
            return Prices.parseRupees(raw);
        } catch (IllegalArgumentException e) {
            draft.fault(field, e.getMessage());
            return Optional.empty();
        }
    }

    static List<String> imageUrls(String raw) {
        List<String> urls = new ArrayList<>();
        Matcher m = IMAGE_URL.matcher(raw);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    private static Optional<Double> rating(String raw) {
        try {
            return Optional.of(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // "No rating available"
        }
    }

    /** Malformed UTF-8 reads as U+FFFD ({@link CsvReader#open}): one bad byte does not fail the whole import. */
    private static CsvReader reader(Path spool) throws IOException {
        return CsvReader.open(spool, MAX_CELL_CHARS);
    }

    /** Cells by column name; blank cells read as absent. */
    private record Cells(List<String> fields, Map<String, Integer> index) {

        Optional<String> get(String column) {
            Integer i = index.get(column);
            if (i == null || i >= fields.size() || fields.get(i).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(fields.get(i).strip());
        }
    }
}
