package dev.bazaar.recommendation.api;

import dev.bazaar.recommendation.store.Categories;
import dev.bazaar.recommendation.store.Ranked;
import dev.bazaar.recommendation.store.RankedList;
import dev.bazaar.recommendation.store.RecommendationTables;
import dev.bazaar.recommendation.store.ReportSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/recommendations} answers. A shopper with lists of their own gets them: the home page's
 * mix (the overall list and one per category, one partition read) or one category's. Everyone else (anonymous,
 * or not in any training run yet: the cold start) gets the bestsellers, overall with the latest most-bought items
 * beside them, or the category's.
 */
@Component
class Recommendations {

    static final String TRENDING_REPORT = "most-bought";

    private final RecommendationTables tables;
    private final ShownItems shown;

    Recommendations(RecommendationTables tables, ShownItems shown) {
        this.tables = tables;
        this.shown = shown;
    }

    /** The home page of {@code userId} (null: anonymous). */
    RecommendationsView homePage(String userId) {
        List<RankedList> own = userId == null ? List.of() : tables.ofUser(userId);
        if (own.isEmpty()) {
            Optional<RankedList> bestsellers = tables.bestsellers(Categories.OVERALL);
            List<Ranked> trending = tables.latest(TRENDING_REPORT)
                    .map(snapshot -> snapshot.entries().stream()
                            .filter(entry -> entry.itemId() != null)
                            .map(entry -> new Ranked(entry.itemId(), entry.score()))
                            .toList())
                    .orElse(List.of());
            List<Ranked> best = items(bestsellers);
            ShownItems.Lookup found = shown.lookUp(List.of(best, trending));
            return new RecommendationsView(
                    userId,
                    false,
                    null,
                    bestsellers.map(RankedList::modelVersion).orElse(null),
                    found.show(best),
                    List.of(),
                    found.show(trending));
        }
        RankedList overall = null;
        List<RankedList> byCategory = new ArrayList<>();
        for (RankedList list : own) {
            if (list.category() == null) {
                overall = list;
            } else {
                byCategory.add(list);
            }
        }
        ShownItems.Lookup found =
                shown.lookUp(own.stream().map(RankedList::items).toList());
        return new RecommendationsView(
                userId,
                true,
                null,
                overall != null ? overall.modelVersion() : own.get(0).modelVersion(),
                overall == null ? List.of() : found.show(overall.items()),
                byCategory.stream()
                        .map(list -> new RecommendationsView.CategoryView(
                                list.category(), list.modelVersion(), found.show(list.items())))
                        .toList(),
                List.of());
    }

    /** {@code userId}'s list in {@code category} (null user: anonymous), else the category's bestsellers. */
    RecommendationsView category(String userId, String category) {
        String key = Categories.key(category);
        Optional<RankedList> own = userId == null ? Optional.empty() : tables.ofUser(userId, key);
        Optional<RankedList> list = own.isPresent() ? own : tables.bestsellers(key);
        List<Ranked> items = items(list);
        return new RecommendationsView(
                userId,
                own.isPresent(),
                list.map(RankedList::category).orElse(category),
                list.map(RankedList::modelVersion).orElse(null),
                shown.lookUp(List.of(items)).show(items),
                List.of(),
                List.of());
    }

    /** The items bought together with {@code itemId}; empty when none were computed. */
    SimilarItemsView similarTo(String itemId) {
        Optional<RankedList> list = tables.similarTo(itemId);
        List<Ranked> items = items(list);
        return new SimilarItemsView(
                itemId,
                list.map(RankedList::modelVersion).orElse(null),
                shown.lookUp(List.of(items)).show(items));
    }

    /** The report's latest snapshot; item entries no longer sold dropped, search entries as they are. */
    TrendingView trending(String report) {
        Optional<ReportSnapshot> snapshot = tables.latest(report);
        if (snapshot.isEmpty()) {
            return new TrendingView(report, null, null, List.of());
        }
        List<ReportSnapshot.Entry> entries =
                snapshot.get().entries().stream().limit(shown.itemsPerList()).toList();
        var active = shown.find(entries.stream()
                .map(ReportSnapshot.Entry::itemId)
                .filter(id -> id != null)
                .toList());
        List<TrendingView.Entry> view = new ArrayList<>();
        for (ReportSnapshot.Entry entry : entries) {
            if (entry.itemId() == null) {
                view.add(new TrendingView.Entry(null, null, null, entry.query(), entry.score()));
            } else if (active.containsKey(entry.itemId())) {
                var item = active.get(entry.itemId());
                view.add(new TrendingView.Entry(entry.itemId(), item.title(), item.price(), null, entry.score()));
            }
        }
        return new TrendingView(
                report, snapshot.get().windowStart(), snapshot.get().windowEnd(), view);
    }

    private static List<Ranked> items(Optional<RankedList> list) {
        return list.map(RankedList::items).orElse(List.of());
    }
}
