package dev.bazaar.search.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.search.support.ItemDoc;
import dev.bazaar.search.support.SearchApi;
import dev.bazaar.search.support.SearchIndexFixture;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UserServiceShoppers;
import dev.bazaar.testing.UsesLocalServers;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A logged-in shopper without a pincode parameter gets deliverability for the default address held
 * by the REAL user-service (started from its jar on an isolated database and Redis prefix, called
 * with the internal token). The shopper's user id is the one user-service registered; the token is
 * signed by the test key this context trusts. Serviceability is pointed at a closed port: this test
 * is about which pincode is used, reported in the answer's {@code pincode}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.ELASTICSEARCH, LocalServer.KAFKA})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultAddressIntegrationTests {

    static final String INTERNAL_TOKEN = "search-test-internal-token";
    static UserServiceShoppers users;

    @DynamicPropertySource
    static void startUserService(DynamicPropertyRegistry registry) throws Exception {
        users = UserServiceShoppers.start(INTERNAL_TOKEN);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("bazaar.search.users.url", users::baseUrl);
        registry.add("bazaar.search.users.internal-token", () -> INTERNAL_TOKEN);
        registry.add("bazaar.search.users.timeout", () -> "2s");
        registry.add("bazaar.search.serviceability.url", () -> "http://127.0.0.1:" + closed);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    IsolatedNames names;

    SearchApi api;

    @BeforeAll
    void index() {
        api = new SearchApi(mvc);
        SearchIndexFixture.create(elasticsearch, names.indexPrefix());
        SearchIndexFixture.index(
                elasticsearch,
                names.indexPrefix(),
                List.of(ItemDoc.item(UUID.randomUUID().toString())
                        .title("Brass diya set")
                        .brand("Ethnic")
                        .category(List.of("Home Decor"))
                        .price(49_900, 99_900)));
    }

    @AfterAll
    void tearDown() {
        SearchIndexFixture.drop(elasticsearch, names.indexPrefix());
        if (users != null) {
            users.close();
        }
    }

    @Test
    void theDefaultAddressPincodeIsUsedUnlessTheRequestNamesOne() throws Exception {
        String withAddress = users.register("560034");
        String withoutAddress = users.register(null);

        var answer = api.searchAs(TestJwts.bearer(withAddress, "CUSTOMER"), "q", "diya");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("pincode").stringValue()).isEqualTo("560034");
        // Serviceability is unreachable here: checked, unknown, nothing hidden (a refused connection
        // is DOWN; the very first call of a cold JVM may pass the 50 ms budget first: TIMEOUT).
        assertThat(answer.body().path("deliverability").stringValue()).isIn("DOWN", "TIMEOUT");
        assertThat(answer.body()
                        .path("items")
                        .get(0)
                        .path("delivery")
                        .path("status")
                        .stringValue())
                .isEqualTo("UNKNOWN");

        assertThat(api.searchAs(TestJwts.bearer(withAddress, "CUSTOMER"), "q", "diya", "pincode", "110001")
                        .body()
                        .path("pincode")
                        .stringValue())
                .isEqualTo("110001");
        var none = api.searchAs(TestJwts.bearer(withoutAddress, "CUSTOMER"), "q", "diya");
        assertThat(none.body().has("pincode")).isFalse();
        assertThat(none.body().path("deliverability").stringValue()).isEqualTo("NOT_CHECKED");
        assertThat(api.search("q", "diya").body().has("pincode")).isFalse();
    }
}
