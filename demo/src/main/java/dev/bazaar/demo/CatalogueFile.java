package dev.bazaar.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue as the body of {@code POST /api/supplier/catalog}: inbound-service's
 * {@code canonical-json} format (a JSON array of items; prices in rupees, INR). Kept on disk so the
 * import command {@code ./bazaar up} prints can send the same file again.
 */
final class CatalogueFile {

    /** One array element, field for field as inbound-service's README describes the format. */
    record Row(
            String supplierSku,
            String title,
            String brand,
            List<String> categoryPath,
            long price,
            long mrp,
            String currency,
            List<String> images,
            String description,
            Map<String, Object> attributes,
            int weightGrams,
            Dimensions dimensionsCm) {}

    record Dimensions(int length, int width, int height) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path write(List<DemoItem> items, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writeValue(out, items.stream().map(CatalogueFile::row).toList());
        }
        return file;
    }

    static Row row(DemoItem item) {
        Parcel parcel = item.parcel();
        return new Row(
                item.supplierSku(),
                item.title(),
                item.brand(),
                item.categoryPath(),
                item.priceRupees(),
                item.mrpRupees(),
                "INR",
                item.images(),
                item.description(),
                item.attributes(),
                parcel.weightGrams(),
                new Dimensions(parcel.lengthCm(), parcel.widthCm(), parcel.heightCm()));
    }

    private CatalogueFile() {}
}
