package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/** The storage types of {@link BsonH2Backend}. */
final class MongoDataTypes {

    /** Unused by H2's ObjectDataType (its tags: 0–19, 32–49, 64–119). */
    private static final byte TAG_KEY_VALUE = 120;
    private static final byte TAG_OBJECT_ID = 121;
    private static final byte TAG_UUID_STRING = 122;
    private static final int OBJECT_ID_BYTES = 12;

    /**
     * Ids and index keys, compared in MongoDB's value order. H2's own {@code ObjectDataType}
     * Java-serialises every class it does not know: the index keys ({@link KeyValue}) and
     * {@link ObjectId}s, both on every page write, and its comparison serialises both sides. Those
     * two get tags of their own here (tags H2 leaves unused, so files written before still read);
     * their elements and every other key stay H2's. A single canonical UUID string is held and
     * stored as a {@link UuidText}, without the {@code KeyValue} around it (see
     * {@link KeyClaimingUniqueIndex#compact}).
     */
    static ObjectDataType keys() { // one per map, like H2's default: ObjectDataType caches per instance
        return new ObjectDataType() {
            @Override
            public int compare(Object a, Object b) {
                return MONGO_ORDER.compare(a, b);
            }

            @Override
            public int getMemory(Object key) {
                if (key instanceof KeyValue values) {
                    int size = 48;
                    for (Object value : values) {
                        size += 8 + elementMemory(value);
                    }
                    return size;
                }
                return elementMemory(key);
            }

            private int elementMemory(Object value) {
                return value instanceof ObjectId ? 48 : value instanceof UuidText ? 32 : super.getMemory(value);
            }

            @Override
            public void write(WriteBuffer buffer, Object key) {
                if (key instanceof KeyValue values) {
                    buffer.put(TAG_KEY_VALUE).putVarInt(values.size());
                    for (Object value : values) {
                        writeElement(buffer, value);
                    }
                } else {
                    writeElement(buffer, key);
                }
            }

            private void writeElement(WriteBuffer buffer, Object value) {
                UuidText uuid = value instanceof UuidText held ? held
                        : value instanceof String text ? UuidText.parse(text) : null;
                if (uuid != null) {
                    buffer.put(TAG_UUID_STRING).putLong(uuid.mostSignificant()).putLong(uuid.leastSignificant());
                } else if (value instanceof ObjectId id) {
                    buffer.put(TAG_OBJECT_ID).put(id.toByteArray());
                } else {
                    super.write(buffer, value);
                }
            }

            /** A UUID string comes back as a {@link UuidText}: alone, or as a String inside a longer key. */
            @Override
            public Object read(ByteBuffer buffer) {
                if (buffer.get(buffer.position()) != TAG_KEY_VALUE) {
                    return readElement(buffer);
                }
                buffer.get();
                Object[] values = new Object[DataUtils.readVarInt(buffer)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readElement(buffer);
                }
                if (values.length == 1 && values[0] instanceof UuidText uuid) {
                    return uuid; // held as KeyClaimingUniqueIndex holds it
                }
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof UuidText uuid) {
                        values[i] = uuid.toString();
                    }
                }
                return new KeyValue(Arrays.asList(values));
            }

            private Object readElement(ByteBuffer buffer) {
                byte tag = buffer.get(buffer.position());
                if (tag == TAG_UUID_STRING) {
                    buffer.get();
                    return new UuidText(buffer.getLong(), buffer.getLong());
                }
                if (tag != TAG_OBJECT_ID) {
                    return super.read(buffer);
                }
                buffer.get();
                byte[] id = new byte[OBJECT_ID_BYTES];
                buffer.get(id);
                return new ObjectId(id);
            }
        };
    }

    /**
     * Documents as their BSON bytes ({@link BsonH2Collection}), stored as their length and bytes:
     * the format this backend wrote when it kept decoded documents, so those files read as they are.
     */
    static final BasicDataType<byte[]> BSON = new BasicDataType<>() {
        /** H2 sizes its page cache and its write-back by this. */
        @Override
        public int getMemory(byte[] bson) {
            return 16 + bson.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] bson) {
            buffer.putVarInt(bson.length).put(bson);
        }

        @Override
        public byte[] read(ByteBuffer buffer) {
            byte[] bson = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bson);
            return bson;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }

        @Override
        public int compare(byte[] a, byte[] b) {
            throw new UnsupportedOperationException("documents are values, never keys");
        }
    };

    /**
     * One buffer per thread, kept between documents: a new 1 KB buffer grew twice (and copied
     * itself) for each item-sized document.
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    private static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    static byte[] encode(Document document) {
        ByteBuf bson = ENCODING.get().clear();
        DocumentEncoder.encodeDocument(document, bson);
        byte[] bytes = ByteBufUtil.getBytes(bson);
        if (bson.capacity() > KEPT_BUFFER_BYTES) { // an exceptionally large document: do not keep its buffer
            ENCODING.remove();
        }
        return bytes;
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private static final Comparator<Object> ELEMENTS = ValueComparator.ascWithoutListHandling();

    private static final Comparator<Object> MONGO_ORDER = (a, b) -> {
        if (a instanceof UuidText x && b instanceof UuidText y) {
            return x.compareTo(y);
        }
        // A UuidText stands for the one-element key of its string.
        if (a instanceof UuidText x && b instanceof KeyValue) {
            a = new KeyValue(x.toString());
        } else if (b instanceof UuidText y && a instanceof KeyValue) {
            b = new KeyValue(y.toString());
        }
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int order = compareElements(x.get(i), y.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return compareElements(a, b);
    };

    /**
     * Two strings, or two longs (a collection's document positions), compare as ValueComparator
     * compares them, without its dispatch on the value types first.
     */
    private static int compareElements(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof UuidText x) {
            return b instanceof UuidText y ? x.compareTo(y) : compareElements(x.toString(), b);
        }
        if (b instanceof UuidText y) {
            return compareElements(a, y.toString());
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return ELEMENTS.compare(a, b);
    }

    private MongoDataTypes() {
    }
}
