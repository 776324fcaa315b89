package dev.bazaar.starter.naming;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.elasticsearch.*}; the default is stated here only.
 *
 * @param indexPrefix put before every index and alias name a service reads or writes (empty in
 *     production; tests and the search benchmark isolate their indices with it)
 */
@ConfigurationProperties("bazaar.elasticsearch")
public record BazaarElasticsearchProperties(
        @DefaultValue("") String indexPrefix) {}
