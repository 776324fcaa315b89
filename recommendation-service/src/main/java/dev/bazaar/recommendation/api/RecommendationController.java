package dev.bazaar.recommendation.api;

import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.starter.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three public reads. Anonymous callers are served (the storefront shows these before login); a token that
 * is sent must be valid, and then names whose lists are read: one's own only (OPS may read anyone's, to see
 * what a shopper is shown when they ask why).
 */
@RestController
class RecommendationController {

    /** The reports analytics-spark publishes; {@code ?report=} takes exactly these. */
    static final List<String> REPORTS =
            List.of("most-bought", "most-ordered", "most-wishlisted", "top-revenue", "searches");

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping("/api/recommendations")
    @Operation(
            summary = "The shopper's recommendations: the home page's mix, or one top-level category's",
            description = "Public. Signed in: the caller's own lists (personalized), the overall one and one per "
                    + "category, or with ?category= that category's (else its bestsellers). Anonymous, or a "
                    + "shopper with no lists computed yet: the bestsellers overall and the latest most-bought "
                    + "items (trending), personalized false. Items no longer active are left out. 400 "
                    + "invalid-category, 403 not-your-recommendations (another user's; OPS may), 503 "
                    + "catalog-unavailable (item-service down).")
    RecommendationsView recommendations(
            @Parameter(description = "A top-level category name, case-insensitive (letters, digits, spaces, & , ' -)")
                    @RequestParam(required = false)
                    String category,
            @Parameter(description = "The caller's own user id (the token's subject); another's only for OPS")
                    @RequestParam(required = false)
                    String userId) {
        Caller caller = Caller.current();
        String whose = caller.userId();
        if (userId != null && !userId.equals(caller.userId())) {
            if (!caller.ops()) {
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "not-your-recommendations",
                        "Not your recommendations",
                        "Only your own recommendations can be read; leave userId out to get them");
            }
            whose = userId;
        }
        return category == null
                ? recommendations.homePage(whose)
                : recommendations.category(whose, CategoryNames.validated(category));
    }

    @GetMapping("/api/items/{itemId}/similar")
    @Operation(
            summary = "Items bought together with this one, best first",
            description = "Public. Empty items when none were computed; items no longer active are left out.")
    SimilarItemsView similar(@PathVariable String itemId) {
        if (!ItemIds.isValid(itemId)) {
            throw ApiProblem.badRequest("invalid-item-id", ItemIds.MESSAGE).with("itemId", itemId);
        }
        return recommendations.similarTo(itemId);
    }

    @GetMapping("/api/trending")
    @Operation(
            summary =
                    "A live report's latest window: most-bought, most-ordered, most-wishlisted, top-revenue, searches",
            description = "Public. Item entries carry the item's current title and price (items no longer active "
                    + "are left out); searches entries carry the query. No window yet: empty entries. 400 "
                    + "unknown-report for any other name.")
    TrendingView trending(
            @Parameter(description = "most-bought | most-ordered | most-wishlisted | top-revenue | searches")
                    @RequestParam(required = false)
                    String report) {
        if (report == null || !REPORTS.contains(report)) {
            throw ApiProblem.badRequest("unknown-report", "report must be one of " + String.join(", ", REPORTS))
                    .with("reports", REPORTS);
        }
        return recommendations.trending(report);
    }
}
