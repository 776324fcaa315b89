package dev.bazaar.inbound.supplier;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations staff register suppliers and issue or revoke their API keys (JWT with role OPS). */
@RestController
@RequestMapping("/api/ops/suppliers")
@PreAuthorize("hasRole('OPS')")
class SupplierAdministrationController {

    record NewSupplier(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or dashes")
            String supplierId,

            @NotBlank @Size(max = 200) String name) {}

    record SupplierView(String supplierId, String name, java.time.Instant createdAt, List<ApiKeys.KeyInfo> apiKeys) {}

    private final Suppliers suppliers;
    private final ApiKeys apiKeys;

    SupplierAdministrationController(Suppliers suppliers, ApiKeys apiKeys) {
        this.suppliers = suppliers;
        this.apiKeys = apiKeys;
    }

    @PostMapping
    ResponseEntity<SupplierView> create(@Valid @RequestBody NewSupplier request) {
        if (!suppliers.create(request.supplierId(), request.name())) {
            throw ApiProblem.conflict("supplier-exists", "Supplier '" + request.supplierId() + "' exists already.");
        }
        return ResponseEntity.created(URI.create("/api/ops/suppliers/" + request.supplierId()))
                .body(view(request.supplierId()));
    }

    @GetMapping("/{supplierId}")
    SupplierView get(@PathVariable String supplierId) {
        return view(supplierId);
    }

    /** The plain key is in this response only; it cannot be shown again. */
    @PostMapping("/{supplierId}/api-keys")
    @Transactional
    ResponseEntity<ApiKeys.IssuedKey> issueKey(@PathVariable String supplierId) {
        requireSupplier(supplierId);
        ApiKeys.IssuedKey key = apiKeys.issue(supplierId);
        return ResponseEntity.created(URI.create("/api/ops/suppliers/" + supplierId + "/api-keys/" + key.keyId()))
                .body(key);
    }

    @DeleteMapping("/{supplierId}/api-keys/{keyId}")
    ResponseEntity<Void> revokeKey(@PathVariable String supplierId, @PathVariable String keyId) {
        if (!apiKeys.revoke(supplierId, keyId)) {
            throw ApiProblem.notFound("Active API key", keyId);
        }
        return ResponseEntity.noContent().build();
    }

    private SupplierView view(String supplierId) {
        Suppliers.Supplier supplier = requireSupplier(supplierId);
        return new SupplierView(
                supplier.supplierId(), supplier.name(), supplier.createdAt(), apiKeys.keysOf(supplierId));
    }

    private Suppliers.Supplier requireSupplier(String supplierId) {
        return suppliers.find(supplierId).orElseThrow(() -> ApiProblem.notFound("Supplier", supplierId));
    }
}
