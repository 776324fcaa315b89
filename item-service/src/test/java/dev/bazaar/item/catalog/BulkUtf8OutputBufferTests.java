package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.bson.BsonBinaryWriter;
import org.bson.BsonSerializationException;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/** Every string must come out as the driver's own buffer writes it, byte for byte. */
class BulkUtf8OutputBufferTests {

    private static final List<String> TEXTS = List.of(
            "",
            "plain ASCII",
            "Café à la crème",
            "साड़ी कुर्ता",
            "中文 标题",
            "emoji 👗 pair",
            "lone high \uD83D end",
            "lone low \uDC57 end",
            "\uDC57\uD83D reversed",
            "ends high \uD83D",
            "€ 3-byte",
            "x".repeat(5_000));

    @Test
    void writesStringsValuesAndNamesAsTheDriverDoes() {
        for (String text : TEXTS) {
            Consumer<BsonBinaryWriter> document = writer -> {
                writer.writeStartDocument();
                writer.writeString("value", text);
                writer.writeString(text.isEmpty() ? "empty" : text, "as a name");
                writer.writeStartArray("array");
                writer.writeString(text);
                writer.writeEndArray();
                writer.writeEndDocument();
            };
            assertThat(bytes(new BulkUtf8OutputBuffer(16), document))
                    .as(text)
                    .isEqualTo(bytes(new BasicOutputBuffer(16), document));
        }
    }

    @Test
    void refusesANameWithANulCharacterAsTheDriverDoes() {
        assertThatThrownBy(() -> bytes(new BulkUtf8OutputBuffer(16), writer -> {
                    writer.writeStartDocument();
                    writer.writeString("bad\0name", "value");
                }))
                .isInstanceOf(BsonSerializationException.class)
                .hasMessageContaining("null character");
    }

    private static byte[] bytes(BasicOutputBuffer buffer, Consumer<BsonBinaryWriter> writes) {
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writes.accept(writer);
        }
        return Arrays.copyOf(buffer.getInternalBuffer(), buffer.getPosition());
    }
}
