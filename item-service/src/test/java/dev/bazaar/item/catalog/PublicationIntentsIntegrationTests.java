package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An intent written directly is what Spring Data writes, and reads back through it as written. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
class PublicationIntentsIntegrationTests {

    @Autowired
    PublicationIntents intents;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anIntentWrittenDirectlyIsWhatSpringDataWritesAndReadsBack() {
        // Mongo keeps milliseconds, whichever way an intent is written.
        Instant createdAt = Instant.parse("2020-01-01T00:00:00.123Z");
        List<PublicationIntent.Entry> entries = List.of(
                new PublicationIntent.Entry(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                new PublicationIntent.Entry("कुर्ता-1", UUID.randomUUID().toString()));
        var intent = new PublicationIntent(UUID.randomUUID().toString(), createdAt, entries);

        Document springData = new Document();
        mongo.getConverter().write(intent, springData);
        assertThat(decoded(PublicationIntents.toBson(intent)))
                .isEqualTo(decoded(new RawBsonDocument(springData, new DocumentCodec())));

        String id = intents.record(entries, createdAt);
        assertThat(intents.olderThan(Instant.parse("2020-01-02T00:00:00Z"), 1_000))
                .filteredOn(found -> found.id().equals(id))
                .singleElement()
                .satisfies(found -> {
                    assertThat(found.createdAt()).isEqualTo(createdAt);
                    assertThat(found.entries()).isEqualTo(entries);
                });
        intents.forget(List.of(id));
    }

    private static Document decoded(RawBsonDocument bson) {
        return new DocumentCodec()
                .decode(bson.asBsonReader(), DecoderContext.builder().build());
    }
}
