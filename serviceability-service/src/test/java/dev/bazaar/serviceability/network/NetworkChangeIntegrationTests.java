package dev.bazaar.serviceability.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.OpsClient;
import dev.bazaar.serviceability.matrix.MatrixStore;
import dev.bazaar.serviceability.tat.TatEntry;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** OPS changes reach the Redis matrix incrementally: only affected trees, only changed rows. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB, LocalServer.REDIS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkChangeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MatrixStore matrix;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    IsolatedNames names;

    OpsClient ops;

    @BeforeAll
    void network() throws Exception {
        ops = new OpsClient(mvc);
        ops.loadTestNetwork();
    }

    @Test
    @Order(1)
    void everyPincodeHasAPackedRowUnderTheIsolatedPrefix() {
        assertThat(redis.hasKey(names.redisKeyPrefix() + "svc:m:110001")).isTrue();
        assertThat(redis.hasKey(names.redisKeyPrefix() + "svc:m:999999")).isTrue();
        assertThat(matrix.row("110001")).hasSize(2 * 4 * 2);
        assertThat(hours("110001", 0, SizeClass.SMALL)).isEqualTo(13);
        assertThat(hours("110001", 0, SizeClass.BULKY)).isEqualTo(15);
    }

    @Test
    @Order(2)
    void aSlowerLaneRecomputesOneWarehouseAndRewritesOnlyTheRowsThatChanged() throws Exception {
        ops.csv("lanes", "from,to,courier,transit_hours,max_size\nA,C,X,20,MEDIUM\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matrix.warehousesRecomputed").value(1))
                .andExpect(jsonPath("$.matrix.rowsWritten").value(2));
        assertThat(hours("110001", 0, SizeClass.SMALL)).isEqualTo(15);
        assertThat(hours("560001", 0, SizeClass.SMALL)).isEqualTo(27);
    }

    @Test
    @Order(3)
    void removingALaneReroutesOrCutsOff() throws Exception {
        mvc.perform(delete("/api/ops/logistics/lanes")
                        .header("Authorization", OpsClient.OPS)
                        .param("from", "C")
                        .param("to", "B")
                        .param("courier", "X"))
                .andExpect(status().isOk())
                // Only W2's trees used C → B: since A → C became slow, W1 reaches B over A → B.
                .andExpect(jsonPath("$.warehousesRecomputed").value(1));
        assertThat(hours("110001", 1, SizeClass.SMALL)).isEqualTo(TatEntry.UNREACHABLE);
        assertThat(hours("110001", 0, SizeClass.SMALL)).isEqualTo(15);
    }

    @Test
    @Order(4)
    void newCoverageRewritesJustThatPincode() throws Exception {
        ops.json(
                        "coverage",
                        "[{\"hub\":\"A\",\"pincode\":\"999999\",\"courier\":\"Y\",\"transitHours\":7,\"maxSize\":\"BULKY\"}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matrix.warehousesRecomputed").value(0))
                .andExpect(jsonPath("$.matrix.pincodesRecomputed").value(1))
                .andExpect(jsonPath("$.matrix.rowsWritten").value(1));
        assertThat(hours("999999", 0, SizeClass.BULKY)).isEqualTo(9);
    }

    @Test
    @Order(5)
    void aNewWarehouseAddsAColumnToEveryRowAndAFullRebuildAgrees() throws Exception {
        ops.loadOk("warehouses", "id,name,pincode,handling_hours,cutoff\nW3,Third,110001,2,12:00\n");
        ops.csv("lanes", "from,to,courier,transit_hours,max_size\nW3,B,X,2,BULKY\n")
                .andExpect(jsonPath("$.matrix.warehousesRecomputed").value(1));
        assertThat(matrix.row("110001")).hasSize(3 * 4 * 2);
        assertThat(hours("110001", 2, SizeClass.BULKY)).isEqualTo(5);
        byte[] incremental = matrix.row("110001");

        mvc.perform(post("/api/ops/logistics/matrix/rebuild").header("Authorization", OpsClient.OPS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsWritten").value(3));
        assertThat(matrix.row("110001")).isEqualTo(incremental);
    }

    private int hours(String pincode, int slot, SizeClass size) {
        return TatEntry.hours(matrix.row(pincode), slot, size);
    }
}
