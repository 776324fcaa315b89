package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend through the real MongoDB driver, across a restart of the server on the same file. */
class BsonH2BackendTests {

    @TempDir
    Path dir;

    @Test
    void documentsUnderRandomIdsSurviveARestartAndKeepTheirIds() {
        String file = dir.resolve("mongo.mv.db").toString();
        List<String> ids = new ArrayList<>();
        withServer(file, items -> {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                batch.add(new Document("_id", id).append("title", "item " + i).append("n", i));
            }
            items.insertMany(batch);
            items.createIndex(Indexes.ascending("n")); // not implemented by mongo-java-server: queries scan
            items.updateOne(Filters.eq("_id", ids.get(10)), Updates.set("title", "renamed"));
            items.deleteOne(Filters.eq("_id", ids.get(20)));

            List<String> asked = new ArrayList<>(ids.subList(0, 50));
            asked.add(UUID.randomUUID().toString()); // absent
            assertThat(items.find(Filters.in("_id", asked)).into(new ArrayList<>())).hasSize(49);
            assertThatThrownBy(() -> items.insertOne(new Document("_id", ids.get(30))))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        });

        withServer(file, items -> {
            assertThat(items.countDocuments()).isEqualTo(299);
            assertThat(items.find(Filters.eq("_id", ids.get(10))).first()).containsEntry("title", "renamed");
            assertThat(items.find(Filters.eq("_id", ids.get(20))).first()).isNull();
            // New documents after the restart take new positions: nothing stored before is overwritten.
            for (int i = 0; i < 10; i++) {
                items.insertOne(new Document("_id", "after-restart-" + i).append("n", 1000 + i));
            }
            assertThat(items.countDocuments()).isEqualTo(309);
            for (int i = 0; i < 300; i++) {
                if (i != 20) {
                    assertThat(items.find(Filters.eq("_id", ids.get(i))).first()).as("item %d", i).containsEntry("n", i);
                }
            }
            assertThat(items.find(Filters.gte("n", 1000)).into(new ArrayList<>())).hasSize(10);
            assertThat(items.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("_id_", "n_1");
        });
    }

    @Test
    void theCollectionSizeIsTheStoredBsonAndFollowsInsertsUpdatesAndDeletes() {
        String file = dir.resolve("sizes.mv.db").toString();
        withServer(file, items -> {
            for (int i = 0; i < 20; i++) {
                items.insertOne(new Document("_id", "item-" + i).append("n", i).append("tags", List.of("a", "b")));
            }
            items.updateOne(Filters.eq("_id", "item-3"), Updates.set("description", "x".repeat(500)));
            items.deleteOne(Filters.eq("_id", "item-7"));
            assertThat(collectionSize(items)).isEqualTo(storedBytes(items));
            // Natural order is insertion order, both ways.
            assertThat(items.find().sort(new Document("$natural", -1)).first()).containsEntry("_id", "item-19");
            assertThat(items.find().sort(new Document("$natural", 1)).first()).containsEntry("_id", "item-0");
        });
        withServer(file, items -> assertThat(collectionSize(items)).isEqualTo(storedBytes(items)).isGreaterThan(500));
    }

    @Test
    void aSortedPageIsThePageOfTheWholeSortedMatchTiesInInsertionOrder() {
        withServer(dir.resolve("pages.mv.db").toString(), items -> {
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                // Many ties on rank; every other document is of another supplier (not matched).
                all.add(new Document("_id", UUID.randomUUID().toString()).append("supplier", i % 2 == 0 ? "s1" : "s2")
                        .append("rank", i % 37).append("n", i));
            }
            items.insertMany(all);
            List<Document> matched = all.stream().filter(d -> d.get("supplier").equals("s1")).toList();
            assertThat(items.countDocuments(Filters.eq("supplier", "s1"))).isEqualTo(matched.size());
            for (int direction : new int[] { 1, -1 }) {
                List<Integer> sorted = matched.stream()
                        .sorted(java.util.Comparator.comparingInt((Document d) -> direction * d.getInteger("rank")))
                        .map(d -> d.getInteger("n")).toList(); // a stable sort: ties stay in insertion order
                for (int[] page : new int[][] { { 0, 20 }, { 20, 20 }, { 480, 50 }, { 0, 500 }, { 600, 10 } }) {
                    List<Integer> found = items.find(Filters.eq("supplier", "s1"))
                            .sort(new Document("rank", direction)).skip(page[0]).limit(page[1])
                            .map(d -> d.getInteger("n")).into(new ArrayList<>());
                    List<Integer> expected = sorted.subList(Math.min(page[0], sorted.size()),
                            Math.min(page[0] + page[1], sorted.size()));
                    assertThat(found).as("sort %d, skip %d, limit %d", direction, page[0], page[1])
                            .isEqualTo(expected);
                }
            }
        });
    }

    /** What {@code collStats} reports as the collection's size. */
    private long collectionSize(MongoCollection<Document> items) {
        Document stats = client.getDatabase(items.getNamespace().getDatabaseName())
                .runCommand(new Document("collStats", items.getNamespace().getCollectionName()));
        return ((Number) stats.get("size")).longValue();
    }

    private static long storedBytes(MongoCollection<Document> items) {
        long bytes = 0;
        for (RawBsonDocument document : items.withDocumentClass(RawBsonDocument.class).find()) {
            bytes += document.getByteBuffer().remaining();
        }
        return bytes;
    }

    @Test
    void theSequenceStartsAboveTheNumericKeysOfFilesWrittenBefore() {
        try (MVStore store = new MVStore.Builder().open()) {
            MVMap<Object, byte[]> data = store.openMap("data",
                    new MVMap.Builder<Object, byte[]>().keyType(MongoDataTypes.keys()).valueType(MongoDataTypes.BSON));
            byte[] empty = MongoDataTypes.encode(new de.bwaldvogel.mongo.bson.Document());
            assertThat(BsonH2Collection.largestNumericKey(data)).isZero();
            data.put("an-old-string-id", empty);
            assertThat(BsonH2Collection.largestNumericKey(data)).isZero();
            data.put(41L, empty);
            data.put(7.5, empty);
            assertThat(BsonH2Collection.largestNumericKey(data)).isEqualTo(41);
        }
    }

    private MongoClient client;

    @Test
    void uniqueIndexesRefuseDuplicatesWhenTheCheckClaimsTheKey() {
        withServer(dir.resolve("unique.mv.db").toString(), items -> {
            items.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
            items.insertMany(List.of(new Document("_id", "a").append("sku", "A-1"), new Document("_id", "b").append("sku", "B-1")));

            // Unordered: the new documents go in, each duplicate (of a stored id, of a stored sku, of an
            // earlier document of the same batch) is reported by its index in the batch.
            List<Document> batch = List.of(new Document("_id", "c").append("sku", "C-1"),
                    new Document("_id", "a").append("sku", "A-2"), new Document("_id", "d").append("sku", "B-1"),
                    new Document("_id", "e").append("sku", "E-1"), new Document("_id", "e").append("sku", "E-2"));
            assertThatThrownBy(() -> items.insertMany(batch, new InsertManyOptions().ordered(false)))
                    .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                        assertThat(e.getWriteErrors()).extracting(BulkWriteError::getIndex).containsExactly(1, 2, 4);
                        assertThat(e.getWriteErrors()).extracting(BulkWriteError::getCode).containsOnly(11000);
                    });
            assertThat(items.find().map(document -> document.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("a", "b", "c", "e");

            // A document refused for its sku left nothing behind in the _id index: its id is not
            // found, and can still be used.
            assertThat(items.find(Filters.eq("_id", "d")).first()).isNull();
            items.insertOne(new Document("_id", "d").append("sku", "D-1"));
            assertThat(items.countDocuments(Filters.eq("_id", "d"))).isEqualTo(1);
            assertThat(items.find(Filters.eq("sku", "D-1")).first()).containsEntry("_id", "d");

            // The last insert refused for its sku: its id must not point at the position the next
            // document takes.
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "f").append("sku", "A-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(items.find(Filters.eq("_id", "f")).first()).isNull();
            items.insertOne(new Document("_id", "g").append("sku", "G-1"));
            assertThat(items.find(Filters.eq("_id", "f")).first()).isNull();
            assertThat(items.find(Filters.eq("_id", "g")).first()).containsEntry("sku", "G-1");

            // A replayed batch: every document refused, nothing changed.
            assertThatThrownBy(() -> items.insertMany(batch, new InsertManyOptions().ordered(false)))
                    .isInstanceOfSatisfying(MongoBulkWriteException.class,
                            e -> assertThat(e.getWriteErrors()).hasSize(batch.size()));
            assertThat(items.countDocuments()).isEqualTo(6);
        });
    }

    @Test
    void aUniqueIndexCreatedOverStoredDocumentsFindsThemAndRefusesDuplicates() {
        withServer(dir.resolve("late-index.mv.db").toString(), items -> {
            for (int i = 0; i < 50; i++) {
                items.insertOne(new Document("_id", UUID.randomUUID().toString()).append("code", "C-" + i));
            }
            items.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));

            assertThat(items.find(Filters.eq("code", "C-17")).first()).isNotNull();
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "new").append("code", "C-17")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(items.find(Filters.eq("_id", "new")).first()).isNull();
            items.insertOne(new Document("_id", "new").append("code", "C-50"));
            assertThat(items.countDocuments()).isEqualTo(51);
        });
    }

    /**
     * Ids that are canonical UUID strings are held in the {@code _id} index as their bits
     * (UuidText); every query on them answers as for any string id, among ids of other kinds and
     * across a restart: equality, {@code $in}, ranges (which walk the index), sorting, updates,
     * deletes and duplicates, also of a unique index on another field holding UUID strings.
     */
    @Test
    void uuidIdsAnswerEveryQueryAsStringIdsDo() {
        String file = dir.resolve("uuid-ids.mv.db").toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.addAll(List.of("0B1C7E52-4A4E-3F0A-9F39-1C2D3E4F5A6B", "plain-id", "", "ffffffff-ffff-ffff-ffff-fffffffffffg",
                "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
        List<String> sorted = ids.stream().sorted().toList();
        String pivot = sorted.get(sorted.size() / 2);
        Consumer<MongoCollection<Document>> checks = items -> {
            assertThat(items.find(Filters.eq("_id", ids.get(7))).first()).containsEntry("n", 7);
            assertThat(items.find(Filters.in("_id", ids.subList(100, 206))).into(new ArrayList<>())).hasSize(106);
            assertThat(items.find(Filters.gt("_id", pivot)).map(document -> document.getString("_id"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(sorted.subList(sorted.size() / 2 + 1,
                            sorted.size()));
            assertThat(items.find(Filters.lte("_id", pivot)).into(new ArrayList<>())).hasSize(sorted.size() / 2 + 1);
            assertThat(items.find().sort(Sorts.ascending("_id")).map(document -> document.getString("_id"))
                    .into(new ArrayList<>())).containsExactlyElementsOf(sorted);
            assertThat(items.find(Filters.eq("ref", ids.get(3))).first()).containsEntry("_id", ids.get(3));
            for (String taken : List.of(ids.get(11), "plain-id", "00000000-0000-0000-0000-000000000000")) {
                assertThatThrownBy(() -> items.insertOne(new Document("_id", taken).append("ref", "other-" + taken)))
                        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            }
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "new-" + ids.get(12)).append("ref", ids.get(12))))
                    .as("the unique index on ref").isInstanceOf(MongoWriteException.class);
        };
        withServer(file, items -> {
            items.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                documents.add(new Document("_id", ids.get(i)).append("n", i).append("ref", ids.get(i)));
            }
            items.insertMany(documents);
            checks.accept(items);
            items.updateOne(Filters.eq("_id", ids.get(20)), Updates.set("n", -20));
            items.deleteOne(Filters.eq("_id", ids.get(21)));
            items.insertOne(new Document("_id", ids.get(21)).append("n", 2121).append("ref", ids.get(21)));
        });
        withServer(file, items -> {
            checks.accept(items);
            assertThat(items.find(Filters.eq("_id", ids.get(20))).first()).containsEntry("n", -20);
            assertThat(items.find(Filters.eq("_id", ids.get(21))).first()).containsEntry("n", 2121);
            assertThat(items.deleteMany(Filters.in("_id", ids.subList(0, 50))).getDeletedCount()).isEqualTo(50);
            assertThat(items.countDocuments()).isEqualTo(ids.size() - 50);
            items.insertOne(new Document("_id", ids.get(0)).append("ref", ids.get(0)));
            assertThat(items.countDocuments(Filters.eq("_id", ids.get(0)))).isEqualTo(1);
        });
    }

    private void withServer(String file, java.util.function.Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(new BsonH2Backend(file));
        InetSocketAddress address = server.bind();
        try (MongoClient connected = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client = connected;
            work.accept(connected.getDatabase("shop").getCollection("items"));
        } finally {
            server.shutdownNow();
        }
    }
}
