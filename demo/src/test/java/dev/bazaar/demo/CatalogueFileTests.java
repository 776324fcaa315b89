package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogueFileTests {

    @TempDir
    Path dir;

    /** The field names and shapes inbound-service's canonical-json format reads (CanonicalJsonFormat.draft). */
    @Test
    void writesTheCanonicalJsonFormat() throws Exception {
        List<DemoItem> items = DemoCatalogue.standard().items().subList(0, 3);
        Path file = CatalogueFile.write(items, dir.resolve("nested/catalogue.json"));

        JsonNode array = JsonMapper.builder().build().readTree(file.toFile());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(3);
        JsonNode row = array.get(0);
        DemoItem item = items.get(0);
        assertThat(row.get("supplierSku").stringValue()).isEqualTo(item.supplierSku());
        assertThat(row.get("title").stringValue()).isEqualTo(item.title());
        assertThat(row.get("brand").stringValue()).isEqualTo(item.brand());
        assertThat(row.get("price").isIntegralNumber()).isTrue();
        assertThat(row.get("price").longValue()).isEqualTo(item.priceRupees());
        assertThat(row.get("mrp").longValue()).isEqualTo(item.mrpRupees());
        assertThat(row.get("currency").stringValue()).isEqualTo("INR");
        assertThat(row.get("categoryPath").get(0).stringValue()).isEqualTo(item.department());
        assertThat(row.get("images").get(0).stringValue())
                .isEqualTo(item.images().get(0));
        assertThat(row.get("attributes").get("Rating").isNumber()).isTrue();
        assertThat(row.get("attributes").get("Color").stringValue())
                .isEqualTo(item.attributes().get("Color"));
        assertThat(row.get("weightGrams").intValue()).isEqualTo(item.parcel().weightGrams());
        assertThat(row.get("dimensionsCm").get("length").intValue())
                .isEqualTo(item.parcel().lengthCm());
        assertThat(row.get("dimensionsCm").get("width").intValue())
                .isEqualTo(item.parcel().widthCm());
        assertThat(row.get("dimensionsCm").get("height").intValue())
                .isEqualTo(item.parcel().heightCm());
        assertThat(row.has("sizeClass"))
                .as("inbound derives the size class itself")
                .isFalse();
    }
}
