package dev.bazaar.recommendation.api;

import dev.bazaar.recommendation.RecommendationProperties;
import dev.bazaar.recommendation.store.Ranked;
import dev.bazaar.starter.catalog.CatalogItem;
import dev.bazaar.starter.catalog.ItemCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a response may show of the stored lists: only items item-service still sells (active), with their
 * current title and price, looked up together in one bulk-get per request (more only past item-service's 500 ids
 * a call). The lists were computed hours ago; an item deactivated since is dropped here, at read time, rather than
 * waiting for the next training run. item-service down: its 503 {@code catalog-unavailable} problem (a list of
 * ids without titles or prices, or with items no longer sold, is worse for a storefront than no list; it can hide
 * the shelf).
 */
@Component
class ShownItems {

    private final ItemCatalog catalog;
    private final int itemsPerList;

    ShownItems(ItemCatalog catalog, RecommendationProperties properties) {
        this.catalog = catalog;
        this.itemsPerList = properties.itemsPerList();
    }

    /** The active items among every list's first {@code itemsPerList} ids, by id. */
    Lookup lookUp(Collection<List<Ranked>> lists) {
        Set<String> ids = new LinkedHashSet<>();
        lists.forEach(list -> first(list).forEach(item -> ids.add(item.itemId())));
        return new Lookup(find(ids));
    }

    Map<String, CatalogItem> find(Collection<String> ids) {
        Map<String, CatalogItem> active = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += ItemCatalog.MAX_IDS) {
            catalog.find(all.subList(from, Math.min(all.size(), from + ItemCatalog.MAX_IDS)))
                    .forEach((id, item) -> {
                        if (item.active()) {
                            active.put(id, item);
                        }
                    });
        }
        return active;
    }

    int itemsPerList() {
        return itemsPerList;
    }

    private List<Ranked> first(List<Ranked> list) {
        return list.size() > itemsPerList ? list.subList(0, itemsPerList) : list;
    }

    /** The active items found; {@link #show} turns a stored list into what is shown of it. */
    final class Lookup {

        private final Map<String, CatalogItem> active;

        private Lookup(Map<String, CatalogItem> active) {
            this.active = active;
        }

        /** The list's active items, best first, within the first {@code itemsPerList}. */
        List<ShownItem> show(List<Ranked> list) {
            List<ShownItem> shown = new ArrayList<>();
            for (Ranked item : first(list)) {
                CatalogItem found = active.get(item.itemId());
                if (found != null) {
                    shown.add(new ShownItem(item.itemId(), found.title(), found.price(), item.score()));
                }
            }
            return shown;
        }
    }
}
