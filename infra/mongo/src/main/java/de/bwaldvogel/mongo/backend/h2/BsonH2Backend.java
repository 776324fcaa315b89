package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with two storage types of our own (see {@link MongoDataTypes}).
 * It lives in the backend's package because the index and collection constructors it needs are
 * package-private there.
 *
 * <p>Why: the stock backend stores documents and index keys with H2's {@code ObjectDataType},
 * which Java-serialises documents and compares index keys by Java-serialising both sides on
 * every comparison. Profiling a 100,000-item import showed most of the server's time there.
 * Documents are stored as BSON instead and keys are compared in MongoDB's order, so the file
 * format differs from the stock backend's: it uses its own file name.
 */
public class BsonH2Backend extends H2Backend {

    /** Old chunks are kept this long, so a long scan under heavy writes never reads a reused chunk. */
    private static final int RETENTION_MILLIS = 10 * 60 * 1000;

    /**
     * H2's default page cache is 16 MB. Collections append their documents (see
     * {@link BsonH2Collection}), so what must stay cached are the unique indexes an import
     * probes at random: ~40 MB for 200,000 ids.
     */
    private static final int CACHE_MEGABYTES = 96;

    /**
     * H2 commits after every 1 MB of changes by default, besides once a second. Every commit writes
     * each changed page again, and inserts under random UUIDs change every leaf of the {@code _id}
     * index: a 100,000-item import committed ~1,300 times and re-wrote the whole index each time,
     * half of the server's CPU. With 64 MB, commits come from the once-a-second timer (8–10 per
     * 100,000 items), so what a crash can lose is still the last second of writes.
     */
    private static final int AUTO_COMMIT_BUFFER_KILOBYTES = 64 * 1024;

    public BsonH2Backend(String fileName) {
        super(open(fileName));
    }

    private static MVStore open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MEGABYTES)
                .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KILOBYTES).open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
