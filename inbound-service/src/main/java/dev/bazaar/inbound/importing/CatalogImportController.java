package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.supplier.SupplierApiKeyFilter;
import dev.bazaar.inbound.translation.SupplierFormat;
import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.starter.tracing.Traces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/supplier/catalog}: the body is spooled and checked for request-level faults
 * (answered 400/413/415 at once), then accepted with {@code 202 {importId}} and processed in the
 * background; {@code GET /api/supplier/imports/{importId}} shows its progress and row errors.
 */
@RestController
class CatalogImportController {

    record Received(String importId, ImportStatus status, String format) {}

    record Page<T>(int page, int size, long totalElements, List<T> items) {}

    record ImportView(
            String importId,
            String supplierId,
            String format,
            ImportStatus status,
            ImportCounts counts,
            String failure,
            Instant receivedAt,
            Instant startedAt,
            Instant finishedAt,
            Page<ImportJobs.RowError> errors) {}

    private final SupplierFormats formats;
    private final ImportSpool spool;
    private final ImportJobs jobs;
    private final ImportWorker worker;
    private final Traces traces;

    CatalogImportController(
            SupplierFormats formats, ImportSpool spool, ImportJobs jobs, ImportWorker worker, Traces traces) {
        this.formats = formats;
        this.spool = spool;
        this.jobs = jobs;
        this.worker = worker;
        this.traces = traces;
    }

    @PostMapping("/api/supplier/catalog")
    @Operation(
            summary = "Upload a catalogue (Flipkart CSV or canonical JSON); processed in the background",
            requestBody =
                    @RequestBody(
                            required = true,
                            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/json")}))
    @ApiResponse(responseCode = "202", description = "Received; GET the Location for progress and row errors.")
    ResponseEntity<Received> receive(
            @RequestAttribute(SupplierApiKeyFilter.SUPPLIER_ID) String supplierId,
            @RequestParam(required = false) String format,
            HttpServletRequest request)
            throws IOException {
        SupplierFormat supplierFormat = formats.select(request.getContentType(), format);
        spool.checkDeclaredLength(request.getContentLengthLong());
        String importId = UUID.randomUUID().toString();
        String traceparent = traces.currentText();
        Path file = spool.spool(importId, request.getInputStream());
        try {
            supplierFormat.checkRequest(file);
            jobs.create(importId, supplierId, supplierFormat.name(), file.toString(), Files.size(file), traceparent);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        worker.submit(importId, traceparent);
        return ResponseEntity.accepted()
                .location(URI.create("/api/supplier/imports/" + importId))
                .body(new Received(importId, ImportStatus.RECEIVED, supplierFormat.name()));
    }

    @GetMapping("/api/supplier/imports/{importId}")
    @Operation(summary = "An import's progress, counts and a page of its row errors")
    ImportView status(
            @RequestAttribute(SupplierApiKeyFilter.SUPPLIER_ID) String supplierId,
            @PathVariable String importId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ApiProblem.badRequest("invalid-paging", "page must be >= 0 and size between 1 and 500.")
                    .with("errors", List.of(Map.of("field", "page/size", "message", "out of range")));
        }
        // Another supplier's import is reported as absent: its existence is not theirs to know.
        ImportJob job = jobs.find(importId)
                .filter(found -> found.supplierId().equals(supplierId))
                .orElseThrow(() -> ApiProblem.notFound("Import", importId));
        var errors = new Page<>(page, size, jobs.countRowErrors(importId), jobs.rowErrors(importId, page, size));
        return new ImportView(
                job.importId(),
                job.supplierId(),
                job.format(),
                job.status(),
                job.counts(),
                job.failure(),
                job.receivedAt(),
                job.startedAt(),
                job.finishedAt(),
                errors);
    }
}
