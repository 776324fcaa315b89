package dev.bazaar.search.index;

import dev.bazaar.contracts.search.ItemSearchIndex;
import dev.bazaar.starter.naming.BazaarElasticsearchProperties;
import org.springframework.stereotype.Component;

/**
 * The alias search reads ({@code <prefix>items}). The prefix is empty in production; tests and the
 * benchmark set {@code bazaar.elasticsearch.index-prefix} so they never touch each other's data.
 */
@Component
public class SearchIndexNames {

    private final String prefix;

    public SearchIndexNames(BazaarElasticsearchProperties elasticsearch) {
        this.prefix = elasticsearch.indexPrefix();
    }

    public String alias() {
        return prefix + ItemSearchIndex.ALIAS;
    }
}
