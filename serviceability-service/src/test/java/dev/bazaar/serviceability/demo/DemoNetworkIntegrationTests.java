package dev.bazaar.serviceability.demo;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.Events;
import dev.bazaar.serviceability.OpsClient;
import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.starter.kafka.IntegrationEventPublisher;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A fresh start with an empty database seeds the generated demo network and serves it at once. */
@SpringBootTest(properties = "bazaar.serviceability.demo.enabled=true")
@AutoConfigureMockMvc
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB, LocalServer.REDIS})
class DemoNetworkIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IntegrationEventPublisher events;

    @Autowired
    ItemLocations locations;

    @Test
    void theDemoNetworkIsSeededAndAnswersLookups() throws Exception {
        mvc.perform(get("/api/ops/logistics").header("Authorization", OpsClient.OPS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warehouses").value(20))
                .andExpect(jsonPath("$.hubs").value(40));
        mvc.perform(get("/api/logistics/pincodes/110001"))
                .andExpect(jsonPath("$.covered").value(true));
        mvc.perform(get("/api/logistics/pincodes/682555"))
                .andExpect(jsonPath("$.covered").value(false));

        String sofa = UUID.randomUUID().toString();
        events.publish(Events.item(sofa, SizeClass.BULKY, 1)).get();
        events.publish(Events.stock(sofa, "WH-BOM", 3, 1)).get();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> locations.stock(sofa) != null && locations.size(sofa) != null);

        mvc.perform(post("/api/serviceability/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pincode\":\"400001\",\"itemIds\":[\"" + sofa + "\"]}"))
                .andExpect(jsonPath("$.items[0].deliverable").value(true))
                .andExpect(jsonPath("$.items[0].warehouseId").value("WH-BOM"));
        mvc.perform(get("/api/serviceability").param("itemId", sofa).param("pincode", "744101"))
                .andExpect(jsonPath("$.deliverable").value(false))
                .andExpect(jsonPath("$.reason").value("NOT_SERVICEABLE"));
    }
}
