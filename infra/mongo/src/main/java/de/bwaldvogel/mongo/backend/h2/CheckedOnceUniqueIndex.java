package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * The H2 unique index, without its second duplicate-key check of every insert. A collection checks
 * each unique index for the new document ({@link #checkAdd}), stores the document, then adds it to
 * each index ({@link #add}); the stock index checks again in {@code add} before it puts the key,
 * a third walk down its tree per insert (a profile of a catalogue import put a fifth of the
 * server's CPU in these checks). Here {@code add} skips that check for the document just checked:
 * {@code putIfAbsent} still refuses a key that is there, and the stock check then raises the same
 * duplicate-key error a client expects.
 */
final class CheckedOnceUniqueIndex extends H2UniqueIndex {

    private Document checked;

    CheckedOnceUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(map, name, keys, sparse);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        checked = null;
        super.checkAdd(document, collection);
        checked = document;
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        boolean justChecked = document == checked;
        checked = null;
        if (!justChecked || isSparse()) {
            super.add(document, position, collection); // checks, then adds
            checked = null;
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (!putKeyPosition(key, position)) {
                super.checkAdd(document, collection); // throws the duplicate-key error
                throw new IllegalStateException("key " + key + " of index " + getName() + " exists already");
            }
        }
    }
}
