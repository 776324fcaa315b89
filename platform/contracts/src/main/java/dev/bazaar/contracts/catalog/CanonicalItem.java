package dev.bazaar.contracts.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import java.util.List;
import java.util.Map;

/** One product as every service understands it, whatever format the supplier sent. */
public record CanonicalItem(
        String itemId,
        String supplierId,
        String supplierSku,
        long version,
        String title,
        String brand,
        List<String> categoryPath,
        Money price,
        Money mrp,
        List<String> images,
        String description,
        Map<String, Object> attributes,
        SizeClass sizeClass,
        boolean active) {}
