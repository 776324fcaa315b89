package dev.bazaar.serviceability.lookup;

import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.Pincode;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/logistics/pincodes/{code}}: where a pincode is and who delivers there (public). */
@RestController
class PincodeController {

    private final MatrixMaintainer maintainer;

    PincodeController(MatrixMaintainer maintainer) {
        this.maintainer = maintainer;
    }

    record LastMile(String hub, String courier, String courierName, int transitHours, String maxSize) {}

    record PincodeView(
            String code, String state, double latitude, double longitude, boolean covered, List<LastMile> lastMile) {}

    @GetMapping("/api/logistics/pincodes/{code}")
    PincodeView pincode(@PathVariable String code) {
        InputChecks.pincode(code);
        LogisticsNetwork network = maintainer.network();
        Pincode pincode = network.pincodes().get(code);
        if (pincode == null) {
            throw new UnknownPincodeException(code);
        }
        List<LastMile> lastMile = network.coverageOf(code).stream()
                .map(c -> new LastMile(
                        c.hub(),
                        c.courier(),
                        network.couriers().containsKey(c.courier())
                                ? network.couriers().get(c.courier()).name()
                                : null,
                        c.transitHours(),
                        c.maxSize().name()))
                .toList();
        return new PincodeView(
                code, pincode.state(), pincode.latitude(), pincode.longitude(), !lastMile.isEmpty(), lastMile);
    }
}
