package dev.bazaar.item.catalog;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;

/** An item id from a request: {@link ItemIds#isValid} or a 400 with {@link ItemIds#MESSAGE}. */
public final class ItemIdParameter {

    /** A malformed id is the caller's bug (400 bad-request), not a missing item (404). */
    public static String valid(String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("bad-request", ItemIds.MESSAGE);
        }
        return itemId;
    }

    private ItemIdParameter() {}
}
