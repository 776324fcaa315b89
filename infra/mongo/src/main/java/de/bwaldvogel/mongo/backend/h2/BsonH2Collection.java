package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the H2 file backend that keeps each document as its BSON bytes, appended under
 * an increasing sequence number.
 *
 * <p>Why BSON bytes: the stock {@code H2Collection} keeps decoded documents (trees of small maps
 * and strings) in H2's page cache. A 100,000-item import then spent a quarter of the server's CPU
 * in garbage collection copying those trees, and encoded every document twice: once to measure
 * its size ({@code Utils.calculateSize}) and once when its page was written. Here a document is
 * encoded once, on write; its length is its size; the cache holds one byte array per document;
 * and a page write copies bytes. A read decodes, which costs only the documents actually read.
 *
 * <p>Why a sequence: item ids are random UUIDs. Keyed by {@code _id}, an import's inserts landed
 * all over the document tree: every insert read (and decoded) a page of other documents that had
 * left the cache, and every commit re-wrote them. Appended, new documents fill the last pages
 * only, and a lookup of an id that is not there never touches a document. The unique {@code _id}
 * index maps each id to its number, as in MongoDB, whose documents are not clustered by id either.
 *
 * <p>The file format is the one the earlier version of this backend wrote (a document is its BSON
 * length and bytes), and files whose documents are keyed by their ids stay readable: keys of any
 * type compare in MongoDB's order, and the sequence starts above the largest numeric key.
 */
class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE_KEY = "dataSize"; // the stock backend's, so old files keep theirs

    private final MVMap<Object, byte[]> data;
    private final MVMap<String, Object> meta;
    private final AtomicLong lastPosition;

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, byte[]> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.data = data;
        this.meta = meta;
        this.lastPosition = new AtomicLong(largestNumericKey(data));
        meta.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    /** Numbers sort before every other key type in MongoDB's order, so the floor of the largest long is the last one. */
    static long largestNumericKey(MVMap<Object, ?> data) {
        Object key = data.floorKey(Long.MAX_VALUE);
        return key instanceof Number number ? Math.max(0, (long) Math.ceil(number.doubleValue())) : 0;
    }

    /** Inside {@link #addDocument}, under the collection's lock. */
    private boolean adding;

    /**
     * Adds the document; whatever fails, its unique indexes keep no key it claimed
     * ({@link KeyClaimingUniqueIndex}) once the collection's lock is released.
     */
    @Override
    public synchronized void addDocument(Document document) {
        adding = true;
        try {
            super.addDocument(document);
        } finally {
            adding = false;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof KeyClaimingUniqueIndex unique) {
                    unique.releaseUnconfirmedClaim();
                }
            }
        }
    }

    /** During {@link #addDocument}: the position its document will be stored at; otherwise null. */
    Long positionOfDocumentBeingAdded() {
        return adding ? lastPosition.get() + 1 : null;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        byte[] bson = MongoDataTypes.encode(document);
        Long position = lastPosition.incrementAndGet();
        if (data.putIfAbsent(position, bson) != null) {
            throw new IllegalStateException("position " + position + " already holds a document");
        }
        updateDataSize(bson.length);
        return position;
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = data.get(position);
        return bson == null ? null : MongoDataTypes.decode(bson);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        byte[] bson = MongoDataTypes.encode(newDocument);
        byte[] previous = data.put(position, bson);
        updateDataSize(bson.length - (previous == null ? 0 : previous.length));
    }

    @Override
    protected void removeDocument(Object position) {
        byte[] removed = data.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-removed.length);
    }

    /** The sizes are the stored byte lengths, kept above: the base class would encode every document again to measure it. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE_KEY, ((Number) meta.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    public int count() {
        return data.size();
    }

    @Override
    public boolean isEmpty() {
        return data.isEmpty();
    }

    /**
     * Every document, decoded one at a time as the stream is read. The interface's default runs an
     * empty query, which collects the whole collection first: aggregations start here, so a
     * {@code countDocuments} of a supplier's 320,000 items ran the server out of heap.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return data.values().stream().map(MongoDataTypes::decode);
    }

    @Override
    public Iterable<Document> queryAll() {
        return () -> queryAllAsStream().iterator();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(MongoDataTypes.decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        Stream<Document> documents = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : data.values().stream().map(MongoDataTypes::decode);
        DocumentComparator order = deriveComparator(orderBy);
        if (order != null && numberToReturn > 0) {
            documents = firstInOrder(documents.filter(document -> documentMatchesQuery(document, query)), order,
                    (long) numberToSkip + numberToReturn);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, numberToReturn, batchSize,
                fieldSelector);
    }

    /**
     * The first {@code count} documents of a stable sort of {@code documents}, in their original
     * order (the caller sorts them), holding no more than {@code count + 1} at a time.
     *
     * <p>Why: the base class sorts the whole match before it skips and limits. A page of the items
     * listed by supplier (a scan: mongo-java-server has no secondary indexes) then decoded all
     * 320,000 of that supplier's items at once and the server ran out of its 1 GB heap.
     */
    static Stream<Document> firstInOrder(Stream<Document> documents, Comparator<Document> order, long count) {
        record Ranked(Document document, long arrival) {
        }
        Comparator<Ranked> stable = Comparator.<Ranked, Document>comparing(Ranked::document, order)
                .thenComparingLong(Ranked::arrival);
        PriorityQueue<Ranked> first = new PriorityQueue<>(stable.reversed()); // head: the last one kept
        long[] arrivals = { 0 };
        documents.forEach(document -> {
            first.add(new Ranked(document, arrivals[0]++));
            if (first.size() > count) {
                first.poll();
            }
        });
        return first.stream().sorted(Comparator.comparingLong(Ranked::arrival)).map(Ranked::document);
    }
}
