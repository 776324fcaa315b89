package dev.bazaar.serviceability.lookup;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.serviceability.OpsClient;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.TestJwts;
import dev.bazaar.testing.UsesLocalServers;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every endpoint's bad input answers 4xx problem+json with a stable type and a reason. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {

    static final String ITEM = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    OpsClient ops;

    @BeforeAll
    void network() throws Exception {
        ops = new OpsClient(mvc);
        ops.loadTestNetwork();
    }

    @Test
    void anUnknownPincodeIsA404WithTheReason() throws Exception {
        problem(mvc.perform(get("/api/serviceability").param("itemId", ITEM).param("pincode", "123456")), 404)
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/unknown-pincode"))
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PINCODE"))
                .andExpect(jsonPath("$.detail").value(containsString("123456")));
        problem(
                mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pincode\":\"123456\",\"itemIds\":[\"" + ITEM + "\"]}")),
                404);
        problem(mvc.perform(get("/api/logistics/pincodes/123456")), 404)
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PINCODE"));
    }

    @Test
    void malformedPincodesAre400() throws Exception {
        for (String pincode : new String[] {"12345", "1234567", "012345", "abcdef", "11000 1", "११०००१", "１１０００１"}) {
            problem(mvc.perform(get("/api/serviceability").param("itemId", ITEM).param("pincode", pincode)), 400)
                    .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/invalid-pincode"))
                    .andExpect(jsonPath("$.detail").value(Pincodes.MESSAGE))
                    .andExpect(jsonPath("$.errors[0].field").value("pincode"))
                    .andExpect(jsonPath("$.errors[0].message").value(Pincodes.MESSAGE));
        }
        problem(mvc.perform(get("/api/logistics/pincodes/11OOO1")), 400);
    }

    @Test
    void malformedItemIdsAre400() throws Exception {
        for (String itemId : new String[] {"not-a-uuid", "1-1-1-1-1", ITEM.toUpperCase()}) {
            problem(
                            mvc.perform(get("/api/serviceability")
                                    .param("itemId", itemId)
                                    .param("pincode", "110001")),
                            400)
                    .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/invalid-item-id"))
                    .andExpect(jsonPath("$.detail").value(ItemIds.MESSAGE))
                    .andExpect(jsonPath("$.errors[0].field").value("itemId"))
                    .andExpect(jsonPath("$.errors[0].message").value(ItemIds.MESSAGE));
        }
        problem(
                mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pincode\":\"110001\",\"itemIds\":[\"" + ITEM + "\",\"x'; DROP\"]}")),
                400);
    }

    @Test
    void missingParametersAndBadBatchesAre400() throws Exception {
        problem(mvc.perform(get("/api/serviceability").param("pincode", "110001")), 400);
        problem(
                mvc.perform(get("/api/serviceability")
                        .param("itemId", ITEM)
                        .param("pincode", "110001")
                        .param("orderTime", "yesterday")),
                400);
        problem(
                        mvc.perform(post("/api/serviceability/batch")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"pincode\":\"110001\",\"itemIds\":[]}")),
                        400)
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/invalid-batch"));
        String tooMany = String.join("\",\"", Collections.nCopies(101, ITEM));
        problem(
                mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pincode\":\"110001\",\"itemIds\":[\"" + tooMany + "\"]}")),
                400);
        problem(
                mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pincode\":")),
                400);
    }

    @Test
    void lanesWithZeroOrNegativeTransitOrUnknownNodesAreRejectedWithTheirRowsAndNothingIsLoaded() throws Exception {
        problem(ops.csv("lanes", """
                from,to,courier,transit_hours,max_size
                W1,B,X,3,BULKY
                W1,C,X,0,BULKY
                A,C,X,-2,SMALL
                A,NOWHERE,X,5,SMALL
                """), 400)
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/invalid-network-rows"))
                .andExpect(jsonPath("$.invalidRows").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("transitHours"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[2].row").value(4))
                .andExpect(jsonPath("$.errors[2].field").value("to"))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("NOWHERE")));
        // Row 1 was valid but the load is all or nothing: W1 → B does not exist.
        mvc.perform(get("/api/ops/logistics/lanes").header("Authorization", OpsClient.OPS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.from == 'W1' && @.to == 'B')]").isEmpty());
        problem(
                        ops.json(
                                "lanes",
                                "[{\"from\":\"W1\",\"to\":\"B\",\"courier\":\"X\",\"transitHours\":-1,\"maxSize\":\"SMALL\"}]"),
                        400)
                .andExpect(jsonPath("$.errors[0].row").value(1));
    }

    @Test
    void badNetworkRowsOfOtherPartsAreRejectedToo() throws Exception {
        problem(ops.csv("pincodes", "pincode,state,latitude,longitude\n12345,X,20,78\n"), 400);
        problem(ops.csv("coverage", "hub,pincode,courier,transit_hours,max_size\nA,123456,X,3,SMALL\n"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("pincode"));
        problem(ops.csv("warehouses", "id,name,pincode,handling_hours,cutoff\nA,Clash,110001,3,12:00\n"), 400)
                .andExpect(jsonPath("$.errors[0].message").value(containsString("hub id")));
        problem(ops.csv("lanes", "from,to\n"), 400)
                .andExpect(jsonPath("$.type").value("https://bazaar.dev/problems/empty-load"));
        problem(ops.json("lanes", "{\"not\":\"an array\"}"), 400);
        problem(ops.csv("planets", "id\nmars\n"), 404);
        problem(
                mvc.perform(post("/api/ops/logistics/coverage/nearest-hub")
                        .header("Authorization", OpsClient.OPS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxKm\":-5,\"courier\":\"X\"}")),
                400);
        problem(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/ops/logistics/lanes")
                        .header("Authorization", OpsClient.OPS)
                        .param("from", "A")
                        .param("to", "W2")
                        .param("courier", "X")),
                404);
    }

    @Test
    void opsApisNeedTheOpsRole() throws Exception {
        problem(
                mvc.perform(
                        post("/api/ops/logistics/lanes").contentType("text/csv").content("from,to\n")),
                401);
        problem(
                mvc.perform(post("/api/ops/logistics/lanes")
                        .header("Authorization", TestJwts.bearer("u1", "CUSTOMER"))
                        .contentType("text/csv")
                        .content("from,to\n")),
                403);
        problem(mvc.perform(get("/api/ops/logistics")), 401);
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
