package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * The H2 unique index, walking its tree once per inserted key instead of three times. A collection
 * checks each unique index for a new document ({@link #checkAdd}), stores the document, then adds
 * it to each index ({@link #add}). The stock index looks the key up in the check, looks it up again
 * in {@code add}, then puts it; in a catalogue import of random UUID ids those walks were a third of
 * the server's CPU.
 *
 * <p>Here the check puts the key in at once, under the position the collection will store the
 * document at ({@link BsonH2Collection#positionOfDocumentBeingAdded}): a key that is there already
 * is refused by that one {@code putIfAbsent}, and the stock check then raises the duplicate-key
 * error a client expects. {@code add} only confirms the claim. If the insert fails in between
 * (another unique index refuses the document), the collection releases the claim before its lock
 * is released ({@link #releaseUnconfirmedClaim}), so no other operation ever sees a claimed key
 * without its document. Outside an insert (creating an index over stored documents) and for sparse
 * indexes, the stock behaviour applies.
 *
 * <p>A key that is one canonical UUID string is held in the tree as a {@link UuidText}
 * ({@link #compact}): every operation on keys goes through the overrides below, and keys handed
 * back to the stock index ({@link #getIterable}) are {@code KeyValue}s again.
 */
final class KeyClaimingUniqueIndex extends H2UniqueIndex {

    /** Keys are {@code KeyValue}s and {@link UuidText}s (see {@link MongoDataTypes#keys}). */
    private final MVMap<Object, Object> map;

    private Document claimedFor;
    private Object claimedPosition;
    private List<Object> claimedKeys = List.of();

    KeyClaimingUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(map, name, keys, sparse);
        @SuppressWarnings("unchecked")
        MVMap<Object, Object> heldKeys = (MVMap<Object, Object>) (MVMap<?, ?>) map;
        this.map = heldKeys;
    }

    /** The key as the tree holds it: a {@link UuidText} for one canonical UUID string, else as it is. */
    static Object compact(KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String text) {
            UuidText uuid = UuidText.parse(text);
            if (uuid != null) {
                return uuid;
            }
        }
        return key;
    }

    private static KeyValue expanded(Object held) {
        return held instanceof UuidText uuid ? new KeyValue(uuid.toString()) : (KeyValue) held;
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(compact(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(compact(key));
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(compact(key));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .map(entry -> (Map.Entry<KeyValue, Object>) new SimpleImmutableEntry<>(expanded(entry.getKey()),
                        entry.getValue()))
                .iterator();
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        releaseUnconfirmedClaim();
        Object position = collection instanceof BsonH2Collection bson ? bson.positionOfDocumentBeingAdded() : null;
        if (position == null || isSparse()) {
            super.checkAdd(document, collection);
            return;
        }
        List<Object> claimed = new ArrayList<>(1);
        for (KeyValue key : getKeyValues(document)) {
            Object held = compact(key);
            if (map.putIfAbsent(held, position) != null) {
                claimed.forEach(own -> map.remove(own, position));
                super.checkAdd(document, collection); // throws the duplicate-key error
                throw new IllegalStateException("key " + key + " of index " + getName() + " exists already");
            }
            claimed.add(held);
        }
        claimedFor = document;
        claimedPosition = position;
        claimedKeys = claimed;
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (document != claimedFor) {
            super.add(document, position, collection); // checks, then puts
            return;
        }
        if (!position.equals(claimedPosition)) { // the collection stored it elsewhere after all
            claimedKeys.forEach(key -> map.put(key, position));
        }
        clearClaim();
    }

    /** The insert that claimed keys failed before {@link #add}: takes them out again. */
    synchronized void releaseUnconfirmedClaim() {
        if (claimedFor != null) {
            claimedKeys.forEach(key -> map.remove(key, claimedPosition));
            clearClaim();
        }
    }

    private void clearClaim() {
        claimedFor = null;
        claimedPosition = null;
        claimedKeys = List.of();
    }
}
