package dev.bazaar.search.query;

import dev.bazaar.search.events.SearchEvents;
import dev.bazaar.search.shopper.Shopper;
import dev.bazaar.search.shopper.Shoppers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search}: public; a valid bearer token adds the shopper's default pincode. The
 * parameters are read as one map because attribute filters are open-ended ({@code attr.<name>}).
 * Latency is timed in {@code bazaar.search.latency{outcome}} (ok or error).
 */
@RestController
class SearchController {

    private final SearchParamsParser parser;
    private final ItemSearch search;
    private final Shoppers shoppers;
    private final SearchEvents events;
    private final MeterRegistry meters;

    SearchController(
            SearchParamsParser parser,
            ItemSearch search,
            Shoppers shoppers,
            SearchEvents events,
            MeterRegistry meters) {
        this.parser = parser;
        this.search = search;
        this.shoppers = shoppers;
        this.events = events;
        this.meters = meters;
    }

    @GetMapping("/api/search")
    @Operation(
            summary = "Search and browse the catalogue, with facets and deliverability to a pincode",
            description = "Public. With a valid bearer token and no pincode, the shopper's default address gives "
                    + "the pincode. Attribute filters: attr.<name>=<value>, repeatable (not listed below).",
            parameters = {
                @Parameter(name = "q", in = ParameterIn.QUERY, description = "The shopper's text; empty = browse"),
                @Parameter(name = "category", in = ParameterIn.QUERY, description = "A category path A>>B (subtree)"),
                @Parameter(name = "brand", in = ParameterIn.QUERY, description = "Repeatable; any of them"),
                @Parameter(name = "minPrice", in = ParameterIn.QUERY, description = "Inclusive, in paise"),
                @Parameter(name = "maxPrice", in = ParameterIn.QUERY, description = "Inclusive, in paise"),
                @Parameter(
                        name = "sort",
                        in = ParameterIn.QUERY,
                        description = "relevance (default), price_asc, price_desc, rating, newest"),
                @Parameter(name = "page", in = ParameterIn.QUERY, description = ">= 0"),
                @Parameter(name = "size", in = ParameterIn.QUERY, description = "1-100, default 20"),
                @Parameter(name = "after", in = ParameterIn.QUERY, description = "nextAfter of the previous page"),
                @Parameter(name = "pincode", in = ParameterIn.QUERY, description = "6 digits")
            })
    SearchPage search(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request,
            HttpServletResponse response) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            SearchParams params = parser.parse(query);
            Shopper shopper = shoppers.current(request, response);
            SearchPage page = search.search(params, shopper);
            events.searched(shopper, params.q(), params.filtersForEvent(), page.total());
            outcome = "ok";
            return page;
        } finally {
            sample.stop(meters.timer("bazaar.search.latency", "endpoint", "search", "outcome", outcome));
        }
    }
}
