package dev.bazaar.item.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code publication_intents} collection: normally empty, one document per batch in flight. */
@Component
public class PublicationIntents {

    private final MongoTemplate mongo;

    PublicationIntents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that these items are about to be written with these event ids; returns the intent's id. */
    String record(List<PublicationIntent.Entry> entries, Instant now) {
        var intent = new PublicationIntent(UUID.randomUUID().toString(), now, entries);
        mongo.getCollection(PublicationIntent.COLLECTION)
                .withDocumentClass(RawBsonDocument.class)
                .insertOne(toBson(intent));
        return intent.id();
    }

    /**
     * The intent as Spring Data's mapping stores it ({@code PublicationIntentsIntegrationTests}
     * compares the two), written directly: an import writes one per batch of 500 items, and the
     * mapping of its entries was 5 % of this service's CPU.
     */
    static RawBsonDocument toBson(PublicationIntent intent) {
        BulkUtf8OutputBuffer buffer =
                new BulkUtf8OutputBuffer(128 + 96 * intent.entries().size());
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString("_id", intent.id());
            writer.writeDateTime("createdAt", intent.createdAt().toEpochMilli());
            writer.writeStartArray("entries");
            for (PublicationIntent.Entry entry : intent.entries()) {
                writer.writeStartDocument();
                writer.writeString("itemId", entry.itemId());
                writer.writeString("eventId", entry.eventId());
                writer.writeEndDocument();
            }
            writer.writeEndArray();
            writer.writeString("_class", PublicationIntent.class.getName());
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /**
     * Deletes the intents straight through the driver: an import forgets one per batch of 500
     * items, and Spring Data's {@code remove} (query mapping, entity metadata, events) was 5 % of
     * this service's CPU.
     */
    void forget(Collection<String> intentIds) {
        if (!intentIds.isEmpty()) {
            mongo.getCollection(PublicationIntent.COLLECTION).deleteMany(Filters.in("_id", intentIds));
        }
    }

    /** Intents older than {@code cutoff}: their writer died or Kafka did not acknowledge in time. */
    List<PublicationIntent> olderThan(Instant cutoff, int limit) {
        return mongo.find(
                query(where("createdAt").lt(cutoff)).with(Sort.by("createdAt")).limit(limit), PublicationIntent.class);
    }

    /** Whether any intent exists, however recent. */
    public boolean any() {
        return mongo.exists(query(where("_id").exists(true)), PublicationIntent.class);
    }
}
