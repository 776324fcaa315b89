package dev.bazaar.order.archival;

import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** OPS runs archival now, instead of waiting for the schedule. */
@RestController
class ArchivalController {

    private final Archival archival;

    ArchivalController(Archival archival) {
        this.archival = archival;
    }

    /**
     * One run, answered when it ends with what it moved; 409 {@code archival-running} when a run (scheduled
     * or asked for) holds the lock, on this instance or another.
     */
    @PostMapping("/api/ops/archival/runs")
    @PreAuthorize("hasRole('OPS')")
    Archival.Run run() {
        Archival.Run run = archival.run();
        if (!run.ran()) {
            throw ApiProblem.conflict(
                    "archival-running", "An archival run is in progress; its orders are being moved, try later");
        }
        return run;
    }
}
