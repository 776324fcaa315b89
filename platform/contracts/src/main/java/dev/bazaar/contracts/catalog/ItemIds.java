package dev.bazaar.contracts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Item ids are derived from (supplierId, supplierSku), so re-sending a catalogue addresses the same
 * items instead of creating duplicates, and every service computes the same id without a lookup.
 */
public final class ItemIds {

    public static String of(String supplierId, String supplierSku) {
        if (supplierId == null || supplierId.isBlank() || supplierSku == null || supplierSku.isBlank()) {
            throw new IllegalArgumentException("supplierId and supplierSku are required");
        }
        // A length prefix keeps ("ab","c") and ("a","bc") apart.
        String name = supplierId.length() + ":" + supplierId + "/" + supplierSku;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ItemIds() {
    }
}
