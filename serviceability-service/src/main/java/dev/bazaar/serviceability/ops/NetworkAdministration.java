package dev.bazaar.serviceability.ops;

import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixReport;
import dev.bazaar.serviceability.network.Coverage;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.NearestHubCoverage;
import dev.bazaar.serviceability.network.NetworkRowParser;
import dev.bazaar.serviceability.network.NetworkStore;
import dev.bazaar.serviceability.network.RowError;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OPS changes to the network: validate every row against the network it joins, store all or
 * nothing (a half-loaded lane file is a wrong network), then let the matrix catch up incrementally.
 * Changes are serialised: each one diffs against the network the previous one produced.
 */
@Service
class NetworkAdministration {

    static final int MAX_REPORTED_ERRORS = 100;

    public enum Part {
        PINCODES,
        COURIERS,
        WAREHOUSES,
        HUBS,
        LANES,
        COVERAGE
    }

    public record LoadResult(Part part, int rows, MatrixReport matrix) {}

    private final NetworkStore store;
    private final MatrixMaintainer maintainer;
    private final TransactionTemplate transactions;

    public NetworkAdministration(NetworkStore store, MatrixMaintainer maintainer, TransactionTemplate transactions) {
        this.store = store;
        this.maintainer = maintainer;
        this.transactions = transactions;
    }

    public synchronized LoadResult load(Part part, List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            throw ApiProblem.badRequest("empty-load", "the upload holds no rows");
        }
        LogisticsNetwork current = maintainer.network();
        NetworkRowParser parser = new NetworkRowParser(current);
        LogisticsNetwork next = switch (part) {
            case PINCODES -> {
                var parsed = parser.pincodes(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.savePincodes(parsed),
                        () -> current.merge(parsed, List.of(), List.of(), List.of(), List.of(), List.of()));
            }
            case COURIERS -> {
                var parsed = parser.couriers(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.saveCouriers(parsed),
                        () -> current.merge(List.of(), List.of(), List.of(), parsed, List.of(), List.of()));
            }
            case WAREHOUSES -> {
                var parsed = parser.warehouses(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.saveWarehouses(parsed),
                        () -> current.merge(List.of(), parsed, List.of(), List.of(), List.of(), List.of()));
            }
            case HUBS -> {
                var parsed = parser.hubs(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.saveHubs(parsed),
                        () -> current.merge(List.of(), List.of(), parsed, List.of(), List.of(), List.of()));
            }
            case LANES -> {
                var parsed = parser.lanes(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.saveLanes(parsed),
                        () -> current.merge(List.of(), List.of(), List.of(), List.of(), parsed, List.of()));
            }
            case COVERAGE -> {
                var parsed = parser.coverage(rows);
                yield save(
                        parser,
                        rows,
                        () -> store.saveCoverage(parsed),
                        () -> current.merge(List.of(), List.of(), List.of(), List.of(), List.of(), parsed));
            }
        };
        return new LoadResult(part, rows.size(), maintainer.apply(next));
    }

    private LogisticsNetwork save(
            NetworkRowParser parser, List<Map<String, String>> rows, Runnable write, Supplier<LogisticsNetwork> next) {
        List<RowError> errors = parser.errors();
        if (!errors.isEmpty()) {
            long badRows = errors.stream().mapToInt(RowError::row).distinct().count();
            throw ApiProblem.badRequest(
                            "invalid-network-rows",
                            badRows + " of " + rows.size() + " rows are invalid; nothing was loaded")
                    .with("errors", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)))
                    .with("invalidRows", badRows);
        }
        transactions.executeWithoutResult(status -> write.run());
        return next.get();
    }

    public synchronized MatrixReport deleteLane(Lane.LaneKey key) {
        if (!maintainer.network().lanes().containsKey(key)) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Lane not found",
                    "no lane " + key.from() + " -> " + key.to() + " by " + key.courier());
        }
        store.deleteLane(key);
        return maintainer.apply(maintainer.network().withoutLane(key));
    }

    /** Adds nearest-hub coverage (see {@link NearestHubCoverage}) for every pincode that has none. */
    public synchronized LoadResult coverUncovered(double maxKm, String courier) {
        LogisticsNetwork current = maintainer.network();
        if (!current.couriers().containsKey(courier)) {
            throw ApiProblem.badRequest("unknown-courier", "unknown courier partner '" + courier + "'");
        }
        List<Coverage> coverage = NearestHubCoverage.forUncovered(current, maxKm, hub -> courier);
        transactions.executeWithoutResult(status -> store.saveCoverage(coverage));
        return new LoadResult(
                Part.COVERAGE,
                coverage.size(),
                maintainer.apply(current.merge(List.of(), List.of(), List.of(), List.of(), List.of(), coverage)));
    }

    public synchronized MatrixReport rebuild() {
        return maintainer.rebuild(store.load());
    }
}
