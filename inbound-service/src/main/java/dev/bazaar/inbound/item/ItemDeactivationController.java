package dev.bazaar.inbound.item;

import dev.bazaar.contracts.catalog.SupplierItemReceived;
import dev.bazaar.inbound.supplier.SupplierApiKeyFilter;
import dev.bazaar.starter.outbox.BatchOutbox;
import dev.bazaar.starter.problem.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supplier takes one of its items off sale: version+1, {@code active=false}, published through the
 * outbox like an import row. Only the caller's own SKUs are addressable (the supplier comes from the
 * API key), so another supplier's SKU is simply not found.
 */
@RestController
class ItemDeactivationController {

    record Deactivated(String itemId, String supplierSku, long version, boolean active) {}

    private final SupplierItems items;
    private final BatchOutbox outbox;

    ItemDeactivationController(SupplierItems items, BatchOutbox outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    @DeleteMapping("/api/supplier/items/{supplierSku}")
    @Transactional
    Deactivated delete(
            @RequestAttribute(SupplierApiKeyFilter.SUPPLIER_ID) String supplierId, @PathVariable String supplierSku) {
        SupplierItems.Deactivation deactivation = items.deactivate(supplierId, supplierSku)
                .orElseThrow(() -> ApiProblem.notFound("Supplier item", supplierSku));
        if (deactivation.changed()) {
            outbox.stage(
                    List.of(new SupplierItemReceived(UUID.randomUUID(), Instant.now(), null, deactivation.item())));
        }
        var item = deactivation.item();
        return new Deactivated(item.itemId(), item.supplierSku(), item.version(), item.active());
    }

    /** The same for clients that cannot send DELETE. */
    @PostMapping("/api/supplier/items/{supplierSku}/deactivate")
    @Transactional
    Deactivated deactivate(
            @RequestAttribute(SupplierApiKeyFilter.SUPPLIER_ID) String supplierId, @PathVariable String supplierSku) {
        return delete(supplierId, supplierSku);
    }
}
