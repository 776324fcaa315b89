package dev.bazaar.serviceability.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.OpsClient;
import dev.bazaar.serviceability.demo.DemoNetwork;
import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixStore;
import dev.bazaar.serviceability.tat.TatEntry;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.SharedData;
import dev.bazaar.testing.UsesLocalServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real 7,113-pincode file loads through the same OPS API as any other, and the demo network's
 * warehouses, hubs and lanes work over it. Reads the file from {@link SharedData}; skipped when it is
 * absent (and {@code .ci/run} fails then), never copied into the repository.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB, LocalServer.REDIS})
class RealPincodeFileIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MatrixMaintainer maintainer;

    @Autowired
    MatrixStore matrix;

    @Test
    void theRealPincodeFileLoadsThroughTheApiAndTheDemoNetworkServesIt() throws Exception {
        Optional<Path> pincodes = SharedData.file(SharedData.PINCODES);
        Assumptions.assumeTrue(pincodes.isPresent(), SharedData.missing(SharedData.PINCODES));
        Path file = pincodes.orElseThrow();
        OpsClient ops = new OpsClient(mvc);

        ops.csv("pincodes", Files.readString(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(7113))
                .andExpect(jsonPath("$.matrix.rowsWritten").value(7113));

        LogisticsNetwork demo = DemoNetwork.generate(
                DemoNetwork.DEFAULT_SEED, maintainer.network().pincodes().values());
        ops.json("couriers", json.writeValueAsString(demo.couriers().values())).andExpect(status().isOk());
        ops.json("hubs", json.writeValueAsString(demo.hubs().values())).andExpect(status().isOk());
        ops.json("warehouses", json.writeValueAsString(demo.warehouses().values()))
                .andExpect(status().isOk());
        ops.json("lanes", json.writeValueAsString(demo.lanes().values()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matrix.warehousesRecomputed").value(20));
        mvc.perform(post("/api/ops/logistics/coverage/nearest-hub")
                        .header("Authorization", OpsClient.OPS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxKm\":220,\"courier\":\"GALI\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matrix.pincodesRecomputed").value(org.hamcrest.Matchers.greaterThan(6000)));

        assertThat(maintainer.network().pincodes()).hasSize(7113);
        mvc.perform(get("/api/logistics/pincodes/400001"))
                .andExpect(jsonPath("$.state").value("Maharashtra"))
                .andExpect(jsonPath("$.covered").value(true));
        mvc.perform(get("/api/logistics/pincodes/744101"))
                .andExpect(jsonPath("$.covered").value(false));

        int mumbaiFromMumbai = TatEntry.hours(matrix.row("400001"), slot("WH-BOM"), SizeClass.BULKY);
        int mumbaiFromDelhi = TatEntry.hours(matrix.row("400001"), slot("WH-DEL"), SizeClass.BULKY);
        assertThat(mumbaiFromMumbai).isLessThan(mumbaiFromDelhi);
        assertThat(mumbaiFromDelhi).isLessThan(TatEntry.UNREACHABLE);
        assertThat(TatEntry.hours(matrix.row("744101"), slot("WH-MAA"), SizeClass.SMALL))
                .isEqualTo(TatEntry.UNREACHABLE);
        // Wrong states in the file (274001 is listed under Tamil Nadu but lies in Uttar Pradesh) do
        // not matter: coverage and routing go by coordinates.
        assertThat(TatEntry.hours(matrix.row("274001"), slot("WH-LKO"), SizeClass.SMALL))
                .isLessThan(TatEntry.hours(matrix.row("274001"), slot("WH-MAA"), SizeClass.SMALL));
        List<String> unreachable = maintainer.network().pincodes().keySet().stream()
                .filter(p -> maintainer.network().coverageOf(p).isEmpty())
                .toList();
        assertThat(unreachable).isNotEmpty().hasSizeLessThan(1500);
    }

    private int slot(String warehouseId) {
        return maintainer.network().warehouses().get(warehouseId).slot();
    }
}
