package dev.bazaar.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our launcher's configuration of the stock server, through the real MongoDB driver. */
class MongoWireServerTests {

    @TempDir
    Path dir;

    @Test
    void theH2BackendKeepsItsDataInTheGivenFileAcrossARestart() {
        Path file = dir.resolve("mongo.mv.db");
        MongoWireServer.Options options = MongoWireServer.Options.parse("--port", "0", "--h2", file.toString());
        withServer(options, items -> {
            items.insertOne(new Document("_id", "a").append("title", "kept"));
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "a")))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(e.getCode()).isEqualTo(11000));
        });
        assertThat(file).exists();
        withServer(
                options,
                items -> assertThat(items.find(Filters.eq("_id", "a")).first()).containsEntry("title", "kept"));
    }

    @Test
    void theMemoryBackendKeepsNothing() {
        MongoWireServer.Options options = MongoWireServer.Options.parse("--port", "0", "--memory");
        withServer(options, items -> items.insertOne(new Document("_id", "a")));
        withServer(options, items -> assertThat(items.countDocuments()).isZero());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theCommandLineNamesOneBackendAndDefaultsToPort27018() {
        assertThat(MongoWireServer.Options.parse("--h2", "x.mv.db"))
                .isEqualTo(new MongoWireServer.Options(27018, "x.mv.db"));
        assertThat(MongoWireServer.Options.parse("--h2", "x.mv.db", "--memory", "--port", "1"))
                .isEqualTo(new MongoWireServer.Options(1, null));
        assertThatThrownBy(() -> MongoWireServer.Options.parse("--port", "1")).hasMessageContaining("no backend");
        assertThatThrownBy(() -> MongoWireServer.Options.parse("--h2")).hasMessageContaining("--h2 needs a value");
        assertThatThrownBy(() -> MongoWireServer.Options.parse("--memory", "--bson"))
                .hasMessageContaining("--bson");
    }

    private static void withServer(MongoWireServer.Options options, Consumer<MongoCollection<Document>> work) {
        try (MongoWireServer server = MongoWireServer.start(options);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            work.accept(client.getDatabase("test").getCollection("items"));
        }
    }
}
