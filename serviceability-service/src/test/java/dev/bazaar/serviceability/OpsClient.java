package dev.bazaar.serviceability;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.bazaar.testing.TestJwts;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Loads network parts through the OPS API, as an operator would. */
public record OpsClient(MockMvc mvc) {

    public static final String OPS = TestJwts.bearer("ops-user", "OPS");

    public ResultActions csv(String part, String csv) throws Exception {
        return mvc.perform(post("/api/ops/logistics/" + part)
                .header("Authorization", OPS)
                .contentType("text/csv")
                .content(csv));
    }

    public ResultActions json(String part, String json) throws Exception {
        return mvc.perform(post("/api/ops/logistics/" + part)
                .header("Authorization", OPS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    public void loadOk(String part, String csv) throws Exception {
        csv(part, csv).andExpect(status().isOk());
    }

    /**
     * The test network (same shape as the unit tests' one, with real coordinates):
     * W1 (Delhi) → A → B → 110001 and A → C (MEDIUM only) → B; W2 (Bengaluru) → C → 560001 (≤ LARGE);
     * 999999 exists but nothing covers it.
     */
    public void loadTestNetwork() throws Exception {
        loadOk("pincodes", """
                pincode,state,latitude,longitude
                110001,New Delhi,28.63,77.22
                560001,Karnataka,12.98,77.60
                999999,Nowhere,20.0,78.0
                """);
        json("couriers", "[{\"code\":\"X\",\"name\":\"Express\"},{\"code\":\"Y\",\"name\":\"Yatra\"}]")
                .andExpect(status().isOk());
        loadOk("hubs", """
                id,name,state,latitude,longitude
                A,Hub A,New Delhi,28.6,77.2
                B,Hub B,New Delhi,28.7,77.1
                C,Hub C,Karnataka,13.0,77.6
                """);
        loadOk("warehouses", """
                id,name,pincode,handling_hours,cutoff
                W1,Delhi FC,110001,4,14:00
                W2,Bengaluru FC,560001,6,18:00
                """);
        loadOk("lanes", """
                from,to,courier,transit_hours,max_size
                W1,A,X,2,BULKY
                A,B,X,10,BULKY
                A,C,X,4,MEDIUM
                C,B,X,4,BULKY
                W2,C,X,1,BULKY
                """);
        loadOk("coverage", """
                hub,pincode,courier,transit_hours,max_size
                B,110001,Y,3,BULKY
                C,560001,Y,5,LARGE
                """);
    }
}
