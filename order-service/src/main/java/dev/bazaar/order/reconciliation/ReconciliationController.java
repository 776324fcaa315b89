package dev.bazaar.order.reconciliation;

import dev.bazaar.starter.problem.ApiProblem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** OPS: the latest reconciliation with its mismatches, one run by id, and a run on demand. */
@RestController
@RequestMapping("/api/ops/reconciliation")
@PreAuthorize("hasRole('OPS')")
class ReconciliationController {

    static final int MAX_PAGE_SIZE = 500;

    record RunView(
            String runId,
            ReconciliationRuns.Trigger trigger,
            ReconciliationRuns.Status status,
            Instant startedAt,
            Instant finishedAt,
            String failure,
            Findings.Checked checked,
            long mismatchCount,
            Map<Mismatch.Kind, Long> mismatchesByKind,
            List<Mismatch> mismatches,
            int page,
            int size) {}

    private final Reconciliation reconciliation;
    private final ReconciliationRuns runs;

    ReconciliationController(Reconciliation reconciliation, ReconciliationRuns runs) {
        this.reconciliation = reconciliation;
        this.runs = runs;
    }

    /** The run that ended last, COMPLETED or FAILED, with a page of its mismatches in the order found. */
    @GetMapping
    RunView latest(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        ReconciliationRuns.Run run =
                runs.latestFinished().orElseThrow(() -> ApiProblem.notFound("Reconciliation run", "latest"));
        return view(run, page, size);
    }

    /** One run (also while RUNNING: the mismatches stored so far). */
    @GetMapping("/runs/{runId}")
    RunView run(
            @PathVariable String runId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        return view(runs.find(runId).orElseThrow(() -> ApiProblem.notFound("Reconciliation run", runId)), page, size);
    }

    /** 202 with the run started (RUNNING; follow its Location); 409 while another run is under way. */
    @PostMapping("/runs")
    ResponseEntity<RunView> start() {
        ReconciliationRuns.Run run = reconciliation
                .start(ReconciliationRuns.Trigger.OPS)
                .orElseThrow(
                        () -> ApiProblem.conflict(
                                "reconciliation-running",
                                "A reconciliation run is under way (here or on another instance); read its result when it ends"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/ops/reconciliation/runs/" + run.runId()))
                .body(view(run, 0, 0));
    }

    private RunView view(ReconciliationRuns.Run run, int page, int size) {
        boolean running = run.status() == ReconciliationRuns.Status.RUNNING;
        return new RunView(
                run.runId(),
                run.trigger(),
                run.status(),
                run.startedAt(),
                run.finishedAt(),
                run.failure(),
                run.checked(),
                running ? runs.countMismatches(run.runId()) : run.mismatchCount(),
                runs.countsByKind(run.runId()),
                size == 0 ? List.of() : runs.mismatches(run.runId(), page, size),
                page,
                size);
    }

    private static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "invalid-paging", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
    }
}
