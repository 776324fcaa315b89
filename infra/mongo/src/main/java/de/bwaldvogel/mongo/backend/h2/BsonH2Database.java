package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link H2Database} whose maps use {@link MongoDataTypes} and whose collections keep BSON bytes,
 * appended ({@link BsonH2Collection}); map names are the stock backend's.
 */
class BsonH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(BsonH2Database.class);

    // H2Database opens the existing collections from its constructor, before this class's fields are
    // set: during that call the store comes from here.
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, constructing(store), cursorRegistry);
        CONSTRUCTING.remove();
        this.store = store;
    }

    private static MVStore constructing(MVStore store) {
        CONSTRUCTING.set(store);
        return store;
    }

    private MVStore store() {
        return store != null ? store : CONSTRUCTING.get();
    }

    /**
     * mongo-java-server does not implement secondary indexes: it registers an {@link EmptyIndex},
     * and because that index reports itself empty, it "built" it on every open by decoding every
     * document of the collection twice (10 full scans for the items collection's five secondary
     * indexes: 7–30 s to start with a 100,000-item catalogue). Such an index has nothing to build.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        log.debug("secondary index {} of {} is not implemented by mongo-java-server: queries scan", indexName,
                collectionName);
        return new EmptyIndex<>(indexName, keys) {
            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> index = store().openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(MongoDataTypes.keys()).valueType(MongoDataTypes.keys()));
        return new KeyClaimingUniqueIndex(index, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, byte[]> data = store().openMap("databases." + namespace,
                new MVMap.Builder<Object, byte[]>().keyType(MongoDataTypes.keys()).valueType(MongoDataTypes.BSON));
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        return new BsonH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
}
