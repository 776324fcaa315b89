package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/** The storage types of {@link BsonH2Backend}. */
final class MongoDataTypes {

    /**
     * Ids and index keys: stored as H2 stores them, compared in MongoDB's value order in memory.
     * H2's own comparison Java-serialises both keys whenever their class is not one it knows.
     */
    static ObjectDataType keys() { // one per map, like H2's default: ObjectDataType caches per instance
        return new ObjectDataType() {
            @Override
            public int compare(Object a, Object b) {
                return MONGO_ORDER.compare(a, b);
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
                int order = ELEMENTS.compare(x.get(i), y.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return ELEMENTS.compare(a, b);
    };

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
