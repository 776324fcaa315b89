package dev.bazaar.user.address;

import static dev.bazaar.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.HttpTestClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import dev.bazaar.user.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Address CRUD, exactly one default (also under 20 concurrent switches), and the internal reads (default, by id). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalServers({LocalServer.MARIADB, LocalServer.REDIS})
class AddressIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.local(port);
    }

    @Test
    void theFirstAddressIsTheDefaultAndDeletingTheDefaultPromotesAnother() {
        TestUsers.Session session = TestUsers.newUser(api);
        String auth = session.bearer();
        HttpTestClient.Response first =
                api.post("/api/users/me/addresses", TestUsers.address("Home", "560001"), "Authorization", auth);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("isDefault").asBoolean()).isTrue();
        HttpTestClient.Response second =
                api.post("/api/users/me/addresses", TestUsers.address("Office", "560002"), "Authorization", auth);
        assertThat(second.json().path("isDefault").asBoolean()).isFalse();

        Map<String, Object> edited = new HashMap<>(TestUsers.address("Office 2", "560003"));
        edited.put("makeDefault", true);
        HttpTestClient.Response replaced =
                api.put("/api/users/me/addresses/" + second.text("id"), edited, "Authorization", auth);
        assertThat(replaced.json().path("pincode").asString()).isEqualTo("560003");
        assertThat(replaced.json().path("isDefault").asBoolean()).isTrue();
        assertThat(internalDefault(session.userId()).text("id")).isEqualTo(second.text("id"));

        assertThat(api.delete("/api/users/me/addresses/" + second.text("id"), "Authorization", auth)
                        .status())
                .isEqualTo(204);
        HttpTestClient.Response list = api.get("/api/users/me/addresses", "Authorization", auth);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(internalDefault(session.userId()).text("id")).isEqualTo(first.text("id"));
    }

    @Test
    void twentyParallelSwitchesLeaveExactlyOneDefault() throws Exception {
        TestUsers.Session session = TestUsers.newUser(api);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.post(
                            "/api/users/me/addresses",
                            TestUsers.address("R" + i, "5600" + (10 + i)),
                            "Authorization",
                            session.bearer())
                    .text("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String id : ids) {
            results.add(pool.submit(() -> {
                start.await();
                return api.post(
                                "/api/users/me/addresses/" + id + "/default",
                                Map.of(),
                                "Authorization",
                                session.bearer())
                        .status();
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();
        int defaults = jdbc.sql("SELECT COUNT(*) FROM address WHERE user_id = ? AND is_default")
                .param(session.userId())
                .query(Integer.class)
                .single();
        assertThat(defaults).isEqualTo(1);
        HttpTestClient.Response list = api.get("/api/users/me/addresses", "Authorization", session.bearer());
        long listed = 0;
        String listedDefault = null;
        for (var address : list.json()) {
            if (address.path("isDefault").asBoolean()) {
                listed++;
                listedDefault = address.path("id").asString();
            }
        }
        assertThat(listed).isEqualTo(1);
        assertThat(internalDefault(session.userId()).text("id")).isEqualTo(listedDefault);
    }

    @Test
    void userACannotReadOrChangeUserBsAddressesOrProfile() {
        TestUsers.Session a = TestUsers.newUser(api);
        TestUsers.Session b = TestUsers.newUser(api);
        String bAddress = api.post(
                        "/api/users/me/addresses", TestUsers.address("B home", "110001"), "Authorization", b.bearer())
                .text("id");
        String path = "/api/users/me/addresses/" + bAddress;

        assertThat(api.put(path, TestUsers.address("hijacked", "110002"), "Authorization", a.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(path + "/default", Map.of(), "Authorization", a.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(path, "Authorization", a.bearer()).status()).isEqualTo(404);
        assertThat(api.get("/api/users/me/addresses", "Authorization", a.bearer())
                        .json()
                        .size())
                .isZero();
        // /me is always the token's subject: a user id in the request cannot point elsewhere.
        assertThat(api.get("/api/users/me?id=" + b.userId(), "Authorization", a.bearer())
                        .text("id"))
                .isEqualTo(a.userId());
        api.put("/api/users/me", Map.of("name", "A renamed", "id", b.userId()), "Authorization", a.bearer());
        assertThat(api.get("/api/users/me", "Authorization", b.bearer()).text("name"))
                .isEqualTo("Test User");
        // Other users' data cannot be reached through someone else's path either.
        assertThat(api.get("/api/users/" + b.userId(), "Authorization", a.bearer())
                        .status())
                .isIn(403, 404);

        HttpTestClient.Response bList = api.get("/api/users/me/addresses", "Authorization", b.bearer());
        assertThat(bList.json().get(0).path("recipient").asString()).isEqualTo("B home");
    }

    @Test
    void theInternalReadByIdAnswersTheUsersOwnAddressOnly() {
        TestUsers.Session a = TestUsers.newUser(api);
        TestUsers.Session b = TestUsers.newUser(api);
        api.post("/api/users/me/addresses", TestUsers.address("A home", "560001"), "Authorization", a.bearer());
        String aOffice = api.post(
                        "/api/users/me/addresses", TestUsers.address("A office", "400001"), "Authorization", a.bearer())
                .text("id");
        String bHome = api.post(
                        "/api/users/me/addresses", TestUsers.address("B home", "110001"), "Authorization", b.bearer())
                .text("id");

        // Not the default: the read is by id, not the cached default address.
        HttpTestClient.Response own = internalAddress(a.userId(), aOffice, "test-internal-token");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.text("id")).isEqualTo(aOffice);
        assertThat(own.text("recipient")).isEqualTo("A office");
        assertThat(own.text("pincode")).isEqualTo("400001");
        assertThat(own.json().path("isDefault").asBoolean()).isFalse();

        // B's address asked for as A's is the same 404 as an address that never existed.
        assertProblem(internalAddress(a.userId(), bHome, "test-internal-token"), 404, "address-not-found");
        assertProblem(internalAddress(a.userId(), "no-such-address", "test-internal-token"), 404, "address-not-found");
        assertProblem(internalAddress("no-such-user", bHome, "test-internal-token"), 404, "address-not-found");
        assertThat(internalAddress(b.userId(), bHome, "test-internal-token").text("pincode"))
                .isEqualTo("110001");

        assertProblem(internalAddress(a.userId(), aOffice, null), 401, "internal-token-required");
        assertProblem(internalAddress(a.userId(), aOffice, "guess"), 401, "internal-token-required");
        // A user's own JWT is not a service credential.
        assertProblem(
                api.get("/internal/users/" + a.userId() + "/addresses/" + aOffice, "Authorization", a.bearer()),
                401,
                "internal-token-required");
    }

    private HttpTestClient.Response internalAddress(String userId, String addressId, String token) {
        String path = "/internal/users/" + userId + "/addresses/" + addressId;
        return token == null ? api.get(path) : api.get(path, "X-Internal-Token", token);
    }

    private HttpTestClient.Response internalDefault(String userId) {
        return api.get("/internal/users/" + userId + "/default-address", "X-Internal-Token", "test-internal-token");
    }
}
