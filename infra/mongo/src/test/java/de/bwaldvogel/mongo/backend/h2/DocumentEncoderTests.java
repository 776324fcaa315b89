package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The storage encoder must write exactly the stock encoder's bytes, for every kind of value. */
class DocumentEncoderTests {

    @Test
    void writesTheStockEncodersBytesForEveryKindOfValue() {
        Document nested = new Document("depth.cm", 4.5).append("note", null).append("tags", List.of("a", "b"));
        List<Object> mixed = new ArrayList<>(Arrays.asList("S", 42, 43L, true, null, 2.5, new ObjectId(),
                new Document("fit", "slim"), List.of(List.of(1, 2), List.of()), Instant.ofEpochMilli(1_733_000_000_123L)));
        Document document = new Document("_id", "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b")
                .append("title", "Kurta – कुर्ता 👗")
                .append("version", 3L).append("count", 7).append("ratio", 0.25).append("active", false)
                .append("missing", null).append("objectId", new ObjectId())
                .append("at", Instant.parse("2026-12-02T07:00:00.123Z"))
                .append("price", new Document("minor", 49_900L).append("currency", "INR"))
                .append("images", List.of("https://img.example/1.jpg", "https://img.example/2.jpg"))
                .append("empty", List.of()).append("emptyDocument", new Document())
                .append("mixed", mixed).append("nested", new Document("box", nested))
                .append("set", new LinkedHashSet<>(List.of("x", "y")))
                .append("uuid", UUID.fromString("3f1c6a9e-0d55-4a44-9d3c-8f1a2b3c4d5e"))
                .append("binary", new BinData(new byte[] { 1, 2, 3 }))
                .append("decimal", new Decimal128(new BigDecimal("180.50")))
                .append("min", MinKey.getInstance()).append("max", MaxKey.getInstance());

        assertThat(bytes(document, DocumentEncoder::encodeDocument))
                .isEqualTo(bytes(document, BsonEncoder::encodeDocument));
        assertThat(bytes(new Document(), DocumentEncoder::encodeDocument))
                .isEqualTo(bytes(new Document(), BsonEncoder::encodeDocument));
    }

    @Test
    void storedDocumentsDecodeToWhatWasWritten() {
        Document document = new Document("_id", "id-1").append("title", "Mug").append("tags", List.of("a", "b"))
                .append("price", new Document("minor", 19_900L).append("currency", "INR"));

        assertThat(MongoDataTypes.decode(MongoDataTypes.encode(document))).isEqualTo(document);
    }

    private static byte[] bytes(Document document, BiConsumer<Document, ByteBuf> encoder) {
        ByteBuf buffer = Unpooled.buffer(64);
        try {
            encoder.accept(document, buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }
}
