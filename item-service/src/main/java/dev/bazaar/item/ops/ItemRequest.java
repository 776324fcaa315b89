package dev.bazaar.item.ops;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.item.catalog.ItemContent;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of an OPS create or update. {@code supplierId} and {@code supplierSku} name the item on
 * create (its id derives from them) and are ignored on update, where the URL names it.
 */
record ItemRequest(
        @Size(max = 100) String supplierId,
        @Size(max = 200) String supplierSku,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 200) String brand,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> categoryPath,
        @NotNull Money price,
        Money mrp,
        @Size(max = 20) List<@NotBlank String> images,
        @Size(max = 10_000) String description,
        @Size(max = 200) Map<String, Object> attributes,
        SizeClass sizeClass,
        Boolean active) {

    @AssertTrue(message = "prices must not be negative")
    boolean isPricesNotNegative() {
        return (price == null || price.minor() >= 0) && (mrp == null || mrp.minor() >= 0);
    }

    ItemContent content() {
        return new ItemContent(
                title.trim(),
                brand,
                categoryPath.stream().map(String::trim).toList(),
                price,
                mrp,
                images,
                description,
                attributes,
                sizeClass == null ? SizeClass.MEDIUM : sizeClass,
                active == null || active);
    }
}
