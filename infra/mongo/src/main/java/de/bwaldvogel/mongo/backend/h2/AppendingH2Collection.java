package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose documents are stored under an increasing sequence number instead of
 * their {@code _id}; the unique {@code _id} index maps each id to its number, as in MongoDB, whose
 * documents are not clustered by id either.
 *
 * <p>Why: the stock collection keys its documents by {@code _id}. Item ids are random UUIDs, so an
 * import's inserts landed all over the document tree: every insert read (and decoded) a page of
 * other documents that had left the cache, and every commit re-encoded them. Appended under a
 * sequence, new documents fill the last pages only, and a lookup of an id that is not there never
 * touches a document.
 *
 * <p>Files written before keep their documents under their ids; those stay readable (keys of any
 * type compare in MongoDB's order) and the sequence starts above the largest numeric key.
 */
class AppendingH2Collection extends H2Collection {

    private final MVMap<Object, Document> data;
    private final AtomicLong lastPosition;

    AppendingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, data, meta, cursorRegistry);
        this.data = data;
        this.lastPosition = new AtomicLong(largestNumericKey(data));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Long position = lastPosition.incrementAndGet();
        Document previous = data.putIfAbsent(position, document);
        if (previous != null) {
            throw new IllegalStateException("position " + position + " already holds a document");
        }
        return position;
    }

    /** Numbers sort before every other key type in MongoDB's order, so the floor of the largest long is the last one. */
    static long largestNumericKey(MVMap<Object, Document> data) {
        Object key = data.floorKey(Long.MAX_VALUE);
        return key instanceof Number number ? Math.max(0, (long) Math.ceil(number.doubleValue())) : 0;
    }
}
