package dev.bazaar.inbound.translation;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rules every supplier format shares, applied to a filled {@link ItemDraft}: required fields,
 * size limits (so one huge value cannot bloat events and stores downstream), price sanity and
 * ownership: the supplier is the one of the API key, a row naming another supplier is rejected.
 */
final class ItemRules {

    public static final int MAX_SKU = 128;
    public static final int MAX_TITLE = 500;
    public static final int MAX_BRAND = 200;
    public static final int MAX_CATEGORY_LEVELS = 10;
    public static final int MAX_CATEGORY_NAME = 200;
    public static final int MAX_IMAGES = 20;
    public static final int MAX_IMAGE_URL = 2_048;
    public static final int MAX_DESCRIPTION = 100_000;
    public static final int MAX_ATTRIBUTES = 200;
    public static final int MAX_ATTRIBUTE_KEY = 100;
    public static final int MAX_ATTRIBUTE_VALUE = 2_000;

    /**
     * @param columnNames renames canonical field names ({@code price}) to the supplier's own column
     *        names ({@code discounted_price}) in row errors, so the supplier can find the cell to fix
     */
    public static SupplierRow toRow(
            long rowNumber, ItemDraft draft, String authenticatedSupplier, UnaryOperator<String> columnNames) {
        check(draft, authenticatedSupplier);
        if (!draft.faults.isEmpty()) {
            return new SupplierRow.Rejected(
                    rowNumber,
                    draft.faults.stream()
                            .map(fault -> new RowFault(columnNames.apply(fault.field()), fault.reason()))
                            .toList());
        }
        long mrp = draft.mrpMinor != null ? draft.mrpMinor : draft.priceMinor;
        var item = new CanonicalItem(
                ItemIds.of(authenticatedSupplier, draft.supplierSku),
                authenticatedSupplier,
                draft.supplierSku,
                0,
                draft.title,
                blankToNull(draft.brand),
                List.copyOf(draft.categoryPath),
                new Money(draft.priceMinor, draft.currency),
                new Money(mrp, draft.currency),
                List.copyOf(draft.images),
                blankToNull(draft.description),
                draft.attributes,
                SizeClasses.classify(draft.weightGrams, draft.longestSideCm, draft.categoryPath, draft.attributes),
                true);
        return new SupplierRow.Accepted(rowNumber, item);
    }

    private static void check(ItemDraft draft, String authenticatedSupplier) {
        if (draft.supplierId != null
                && !draft.supplierId.isBlank()
                && !draft.supplierId.equals(authenticatedSupplier)) {
            draft.fault(
                    "supplierId",
                    "names supplier '" + Prices.abbreviate(draft.supplierId) + "' but the API key belongs to '"
                            + authenticatedSupplier + "'; a supplier may only write its own items");
        }
        required(draft, "supplierSku", draft.supplierSku, MAX_SKU);
        required(draft, "title", draft.title, MAX_TITLE);
        maxLength(draft, "brand", draft.brand, MAX_BRAND);
        maxLength(draft, "description", draft.description, MAX_DESCRIPTION);
        if (draft.categoryPath.size() > MAX_CATEGORY_LEVELS) {
            draft.fault("categoryPath", "has " + draft.categoryPath.size() + " levels, at most " + MAX_CATEGORY_LEVELS);
        } else if (draft.categoryPath.stream().anyMatch(level -> level.length() > MAX_CATEGORY_NAME)) {
            draft.fault("categoryPath", "a level is longer than " + MAX_CATEGORY_NAME + " characters");
        }
        checkImages(draft);
        checkAttributes(draft, draft.attributes);
        checkPrices(draft);
        if (!"INR".equals(draft.currency)) {
            draft.fault(
                    "currency",
                    "only INR is supported, got '" + Prices.abbreviate(String.valueOf(draft.currency)) + "'");
        }
    }

    private static void checkPrices(ItemDraft draft) {
        if (draft.faults.stream()
                .anyMatch(f -> f.field().equals("price") || f.field().equals("mrp"))) {
            return; // already reported as unreadable
        }
        if (draft.priceMinor == null) {
            draft.fault("price", "is required");
        } else if (draft.priceMinor == 0) {
            draft.fault("price", "must be greater than 0");
        } else if (draft.mrpMinor != null && draft.mrpMinor < draft.priceMinor) {
            draft.fault("mrp", "is below the selling price");
        }
    }

    private static void checkImages(ItemDraft draft) {
        if (draft.images.size() > MAX_IMAGES) {
            draft.fault("images", "has " + draft.images.size() + " entries, at most " + MAX_IMAGES);
            return;
        }
        for (String url : draft.images) {
            if (url.length() > MAX_IMAGE_URL || !(url.startsWith("http://") || url.startsWith("https://"))) {
                draft.fault(
                        "images",
                        "'" + Prices.abbreviate(url) + "' is not an http(s) URL of at most " + MAX_IMAGE_URL
                                + " characters");
                return;
            }
        }
    }

    private static void checkAttributes(ItemDraft draft, Map<String, Object> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            draft.fault("attributes", "has " + attributes.size() + " entries, at most " + MAX_ATTRIBUTES);
            return;
        }
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            if (entry.getKey().length() > MAX_ATTRIBUTE_KEY) {
                draft.fault("attributes", "a name is longer than " + MAX_ATTRIBUTE_KEY + " characters");
                return;
            }
            if (entry.getValue() instanceof String text && text.length() > MAX_ATTRIBUTE_VALUE) {
                draft.fault("attributes." + entry.getKey(), "is longer than " + MAX_ATTRIBUTE_VALUE + " characters");
                return;
            }
        }
    }

    private static void required(ItemDraft draft, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            if (draft.faults.stream().noneMatch(f -> f.field().equals(field))) {
                draft.fault(field, "is required");
            }
        } else {
            maxLength(draft, field, value, maxLength);
        }
    }

    private static void maxLength(ItemDraft draft, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            draft.fault(field, "is " + value.length() + " characters long, at most " + maxLength + " are allowed");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ItemRules() {}
}
