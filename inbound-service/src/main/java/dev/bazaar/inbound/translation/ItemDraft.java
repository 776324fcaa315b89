package dev.bazaar.inbound.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a format could read from one row, before the rules every format shares ({@link ItemRules}).
 * Formats fill it field by field and record a {@link RowFault} for each value they cannot read, so a
 * row reports all its faults at once instead of the first one only.
 */
final class ItemDraft {

    String supplierId;
    String supplierSku;
    String title;
    String brand;
    List<String> categoryPath = List.of();
    Long priceMinor;
    Long mrpMinor;
    String currency = "INR";
    List<String> images = List.of();
    String description;
    Map<String, Object> attributes = new LinkedHashMap<>();
    /** Explicit physical size when the supplier gives it; otherwise derived from attributes. */
    Double weightGrams;

    Double longestSideCm;
    final List<RowFault> faults = new ArrayList<>();

    void fault(String field, String reason) {
        faults.add(new RowFault(field, reason));
    }
}
