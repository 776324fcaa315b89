package dev.bazaar.search.index;

import dev.bazaar.contracts.search.ItemSearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The alias search reads ({@code <prefix>items}). The prefix is empty in production; tests and the
 * benchmark set {@code bazaar.elasticsearch.index-prefix} so they never touch each other's data.
 */
@Component
public class SearchIndexNames {

    private final String prefix;

    public SearchIndexNames(@Value("${bazaar.elasticsearch.index-prefix:}") String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String alias() {
        return prefix + ItemSearchIndex.ALIAS;
    }
}
