package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/** The storage types of {@link BsonH2Backend}. */
final class MongoDataTypes {

    /** Unused by H2's ObjectDataType (its tags: 0–19, 32–49, 64–119). */
    private static final byte TAG_KEY_VALUE = 120;
    private static final byte TAG_OBJECT_ID = 121;
    private static final int OBJECT_ID_BYTES = 12;

    /**
     * Ids and index keys, compared in MongoDB's value order. H2's own {@code ObjectDataType}
     * Java-serialises every class it does not know: the index keys ({@link KeyValue}) and
     * {@link ObjectId}s, both on every page write, and its comparison serialises both sides. Those
     * two get tags of their own here (tags H2 leaves unused, so files written before still read);
     * their elements and every other key stay H2's.
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
                return value instanceof ObjectId ? 48 : super.getMemory(value);
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
                if (value instanceof ObjectId id) {
                    buffer.put(TAG_OBJECT_ID).put(id.toByteArray());
                } else {
                    super.write(buffer, value);
                }
            }

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
                return new KeyValue(Arrays.asList(values));
            }

            private Object readElement(ByteBuffer buffer) {
                if (buffer.get(buffer.position()) != TAG_OBJECT_ID) {
                    return super.read(buffer);
                }
                buffer.get();
                byte[] id = new byte[OBJECT_ID_BYTES];
                buffer.get(id);
                return new ObjectId(id);
            }
        };
    }

    /** Documents as BSON, MongoDB's own encoding, instead of Java serialisation. */
    static final BasicDataType<Document> DOCUMENTS = new BasicDataType<>() {
        /** H2 sizes its page cache and its write-back by this: it must not underestimate the heap used. */
        @Override
        public int getMemory(Document document) {
            return heapSize(document);
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf bson = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, bson);
                int length = bson.readableBytes();
                buffer.putVarInt(length);
                buffer.put(bson.nioBuffer(bson.readerIndex(), length));
            } finally {
                bson.release();
            }
        }

        @Override
        public Document read(ByteBuffer buffer) {
            int length = DataUtils.readVarInt(buffer);
            ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
            buffer.position(buffer.position() + length);
            return BsonDecoder.decodeBson(bson);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }

        @Override
        public int compare(Document a, Document b) {
            throw new UnsupportedOperationException("documents are values, never keys");
        }
    };

    private static final Comparator<Object> ELEMENTS = ValueComparator.ascWithoutListHandling();

    private static final Comparator<Object> MONGO_ORDER = (a, b) -> {
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

    /** Two strings compare as ValueComparator compares them, without its dispatch on the value types first. */
    private static int compareElements(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return ELEMENTS.compare(a, b);
    }

    /** A generous estimate of an object tree's heap size (map entries, list slots, string bytes, headers). */
    private static int heapSize(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + heapSize(entry.getKey()) + heapSize(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 48;
            for (Object element : list) {
                size += 8 + heapSize(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 48 + 2 * text.length();
        }
        return 24;
    }

    private MongoDataTypes() {
    }
}
