package dev.bazaar.serviceability.ops;

import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixReport;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.RawRows;
import dev.bazaar.serviceability.ops.NetworkAdministration.LoadResult;
import dev.bazaar.serviceability.ops.NetworkAdministration.Part;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS network APIs (role OPS): {@code POST /api/ops/logistics/{part}} upserts rows of one part of
 * the network, as {@code text/csv} (header line first) or a JSON array; parts are pincodes,
 * couriers, warehouses, hubs, lanes and coverage. Every answer includes what the matrix update cost.
 */
@RestController
@RequestMapping("/api/ops/logistics")
@PreAuthorize("hasRole('OPS')")
class NetworkAdminController {

    private final NetworkAdministration administration;
    private final MatrixMaintainer maintainer;

    NetworkAdminController(NetworkAdministration administration, MatrixMaintainer maintainer) {
        this.administration = administration;
        this.maintainer = maintainer;
    }

    @PostMapping(
            path = "/{part}",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    LoadResult loadCsv(@PathVariable String part, @RequestBody String csv) {
        return administration.load(part(part), RawRows.fromCsv(csv));
    }

    @PostMapping(path = "/{part}", consumes = MediaType.APPLICATION_JSON_VALUE)
    LoadResult loadJson(@PathVariable String part, @RequestBody List<Map<String, Object>> rows) {
        return administration.load(part(part), RawRows.fromJson(rows));
    }

    record CoverageRule(Double maxKm, String courier) {}

    @PostMapping(path = "/coverage/nearest-hub", consumes = MediaType.APPLICATION_JSON_VALUE)
    LoadResult coverUncovered(@RequestBody CoverageRule rule) {
        if (rule.maxKm() == null || rule.maxKm() <= 0 || rule.maxKm() > 2000 || rule.courier() == null) {
            throw ApiProblem.badRequest("invalid-coverage-rule", "maxKm (1-2000) and courier are required");
        }
        return administration.coverUncovered(rule.maxKm(), rule.courier());
    }

    @DeleteMapping("/lanes")
    MatrixReport deleteLane(@RequestParam String from, @RequestParam String to, @RequestParam String courier) {
        return administration.deleteLane(new Lane.LaneKey(from, to, courier));
    }

    @PostMapping("/matrix/rebuild")
    MatrixReport rebuild() {
        return administration.rebuild();
    }

    record NetworkSummary(int pincodes, int warehouses, int hubs, int couriers, int lanes, int coverage) {}

    @GetMapping
    NetworkSummary summary() {
        LogisticsNetwork network = maintainer.network();
        return new NetworkSummary(
                network.pincodes().size(),
                network.warehouses().size(),
                network.hubs().size(),
                network.couriers().size(),
                network.lanes().size(),
                network.coverage().size());
    }

    @GetMapping("/{part}")
    Collection<?> list(@PathVariable String part) {
        LogisticsNetwork network = maintainer.network();
        return switch (part(part)) {
            case PINCODES -> network.pincodes().values();
            case COURIERS -> network.couriers().values();
            case WAREHOUSES -> network.warehouses().values();
            case HUBS -> network.hubs().values();
            case LANES -> network.lanes().values();
            case COVERAGE -> network.coverage().values();
        };
    }

    private static Part part(String name) {
        try {
            return Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Network part", name);
        }
    }
}
