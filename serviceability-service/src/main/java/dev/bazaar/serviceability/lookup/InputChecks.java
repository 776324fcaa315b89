package dev.bazaar.serviceability.lookup;

import dev.bazaar.contracts.Pincodes;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Map;

/** Malformed identifiers are the caller's bug: 400 before any lookup. */
final class InputChecks {

    public static String pincode(String pincode) {
        if (!Pincodes.isValid(pincode)) {
            throw ApiProblem.badRequest("invalid-pincode", Pincodes.MESSAGE)
                    .with("errors", List.of(Map.of("field", "pincode", "message", Pincodes.MESSAGE)));
        }
        return pincode;
    }

    public static String itemId(String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("invalid-item-id", ItemIds.MESSAGE)
                    .with("errors", List.of(Map.of("field", "itemId", "message", ItemIds.MESSAGE)));
        }
        return itemId;
    }

    private InputChecks() {}
}
