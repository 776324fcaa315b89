package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoDataTypesTests {

    private static final List<Object> KEYS = List.of(
            new KeyValue("0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b"),
            new KeyValue(new ObjectId()),
            new KeyValue("supplier-7", 42, new ObjectId(), 3.5, true),
            new KeyValue(new Document("nested", "document")),
            "plain-string-id",
            new ObjectId(),
            UUID.randomUUID(),
            1234L);

    @Test
    void everyKindOfKeyReadsBackEqual() {
        ObjectDataType keys = MongoDataTypes.keys();
        for (Object key : KEYS) {
            assertThat(roundTrip(keys, keys, key)).as("%s", key).isEqualTo(held(key));
        }
    }

    @Test
    void uuidStringsAreStoredInSixteenBytesAndReadBackExactly() {
        ObjectDataType keys = MongoDataTypes.keys();
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = UUID.randomUUID();
            String id = uuid.toString();
            UuidText held = UuidText.parse(id);
            assertThat(held).isEqualTo(new UuidText(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()));
            assertThat(held.toString()).isEqualTo(id);
            assertThat(roundTrip(keys, keys, new KeyValue(id))).isEqualTo(held);
            assertThat(roundTrip(keys, keys, held)).isEqualTo(held);
            assertThat(roundTrip(keys, keys, new KeyValue(id, 1))).as("inside a longer key: a String")
                    .isEqualTo(new KeyValue(id, 1));
        }
        String id = "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b";
        assertThat(encoded(keys, id).remaining()).isEqualTo(17);
        assertThat(encoded(keys, new KeyValue(id)).remaining()).isLessThan(20);
        // Strings that only look like one keep their text.
        for (String other : List.of("0B1C7E52-4A4E-3F0A-9F39-1C2D3E4F5A6B", "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6",
                "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b0", "0b1c7e52+4a4e-3f0a-9f39-1c2d3e4f5a6b",
                "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6g", "1-1-1-1-1", "supplier-7/sku-0001-000000000000000")) {
            assertThat(UuidText.parse(other)).as(other).isNull();
            assertThat(roundTrip(keys, keys, other)).isEqualTo(other);
            assertThat(roundTrip(keys, keys, new KeyValue(other, 1))).isEqualTo(new KeyValue(other, 1));
        }
    }

    @Test
    void keysWrittenByTheStockTypeStillRead() {
        ObjectDataType keys = MongoDataTypes.keys();
        for (Object key : KEYS) {
            assertThat(keys.compare(roundTrip(new ObjectDataType(), keys, key), held(key))).as("%s", key).isZero();
        }
    }

    @Test
    void indexKeysNoLongerGoThroughJavaSerialisation() {
        KeyValue key = new KeyValue("0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b");
        int stock = encoded(new ObjectDataType(), key).remaining();
        int ours = encoded(MongoDataTypes.keys(), key).remaining();
        assertThat(ours).isLessThan(50).isLessThan(stock / 4);
    }

    @Test
    void aStoreReopensWithItsKeysInMongoOrder(@TempDir Path dir) {
        String file = dir.resolve("keys.mv.db").toString();
        List<KeyValue> written = new ArrayList<>();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Object> map = store.openMap("index",
                    new MVMap.Builder<>().keyType(MongoDataTypes.keys()).valueType(MongoDataTypes.keys()));
            for (int i = 0; i < 500; i++) {
                KeyValue key = new KeyValue(UUID.nameUUIDFromBytes(new byte[] { (byte) i, (byte) (i >> 8) }).toString());
                map.put(key, "position-" + i);
                written.add(key);
            }
            map.put(new KeyValue(7), "number"); // MongoDB orders numbers before strings
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Object> map = store.openMap("index",
                    new MVMap.Builder<>().keyType(MongoDataTypes.keys()).valueType(MongoDataTypes.keys()));
            assertThat(map).hasSize(501);
            assertThat(map.get(written.get(123))).isEqualTo("position-123");
            assertThat(map.firstKey()).isEqualTo(new KeyValue(7));
        }
    }

    @Test
    void keysCompareExactlyAsMongoDbOrdersThem() {
        List<Object> values = List.of(Long.MIN_VALUE, -7L, 0L, 1L, 2L, 1_000_000_007L, Long.MAX_VALUE, 3, 2.5,
                "", "a", "b", "ab", "0b1c7e52", new ObjectId(), true);
        ObjectDataType keys = MongoDataTypes.keys();
        var mongoOrder = ValueComparator.asc();
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(keys.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(mongoOrder.compare(a, b)));
                assertThat(Integer.signum(keys.compare(new KeyValue(a), new KeyValue(b)))).as("[%s] vs [%s]", a, b)
                        .isEqualTo(Integer.signum(mongoOrder.compare(a, b)));
            }
        }
    }

    /**
     * Held UUID keys order exactly as their strings, among themselves and against every other kind
     * of key, held or not (a tree can hold both: keys written by the stock type stay KeyValues).
     */
    @Test
    void heldUuidKeysCompareAsTheirStrings() {
        List<Object> values = new ArrayList<>(List.of("00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "7fffffff-ffff-ffff-8000-000000000000",
                "80000000-0000-0000-7fff-ffffffffffff", "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b",
                "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6", "0b1c7e52-4a4e-3f0a-9f39-1c2d3e4f5a6b0", "a", "", 7L,
                new ObjectId(), true));
        for (int i = 0; i < 40; i++) {
            values.add(UUID.randomUUID().toString());
        }
        ObjectDataType keys = MongoDataTypes.keys();
        var mongoOrder = ValueComparator.asc();
        for (Object a : values) {
            for (Object b : values) {
                int expected = Integer.signum(mongoOrder.compare(a, b));
                Object heldA = held(new KeyValue(a));
                Object heldB = held(new KeyValue(b));
                assertThat(Integer.signum(keys.compare(heldA, heldB))).as("%s vs %s", a, b).isEqualTo(expected);
                assertThat(Integer.signum(keys.compare(heldA, new KeyValue(b)))).as("%s vs [%s]", a, b)
                        .isEqualTo(expected);
                assertThat(Integer.signum(keys.compare(new KeyValue(a), heldB))).as("[%s] vs %s", a, b)
                        .isEqualTo(expected);
            }
        }
    }

    /** The key as an index's tree holds it. */
    private static Object held(Object key) {
        return key instanceof KeyValue values ? KeyClaimingUniqueIndex.compact(values) : key;
    }

    private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object key) {
        return reader.read(encoded(writer, key));
    }

    private static ByteBuffer encoded(ObjectDataType writer, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, key);
        return buffer.getBuffer().flip();
    }
}
