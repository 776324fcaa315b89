package dev.bazaar.serviceability.lookup;

import dev.bazaar.serviceability.network.Pincode;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Malformed identifiers are the caller's bug: 400 before any lookup. */
final class InputChecks {

    /** Item ids are UUIDs (ItemIds.of derives them from supplier id and SKU). */
    private static final Pattern ITEM_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static String pincode(String pincode) {
        if (!Pincode.isWellFormed(pincode)) {
            throw ApiProblem.badRequest("invalid-pincode", "pincode must be six digits not starting with 0, was '"
                    + pincode + "'").with("errors", List.of(Map.of("field", "pincode",
                            "message", "must be six digits not starting with 0")));
        }
        return pincode;
    }

    public static String itemId(String itemId) {
        if (itemId == null || !ITEM_ID.matcher(itemId).matches()) {
            throw ApiProblem.badRequest("invalid-item-id", "item id must be a UUID, was '" + itemId + "'")
                    .with("errors", List.of(Map.of("field", "itemId", "message", "must be a UUID")));
        }
        return itemId;
    }

    private InputChecks() {
    }
}
