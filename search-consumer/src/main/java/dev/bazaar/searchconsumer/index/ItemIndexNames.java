package dev.bazaar.searchconsumer.index;

import dev.bazaar.contracts.search.ItemSearchIndex;

/**
 * The physical names of the items index: the alias every read and write goes through, and the
 * concrete index this build's mapping creates. The prefix ({@code bazaar.elasticsearch.index-prefix},
 * empty in production) keeps test classes apart on one cluster.
 */
public record ItemIndexNames(String prefix) {

    public ItemIndexNames {
        prefix = prefix == null ? "" : prefix;
    }

    public String alias() {
        return prefix + ItemSearchIndex.ALIAS;
    }

    public String currentIndex() {
        return prefix + ItemSearchIndex.CURRENT_INDEX;
    }
}
