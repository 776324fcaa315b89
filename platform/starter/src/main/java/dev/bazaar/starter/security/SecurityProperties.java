package dev.bazaar.starter.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths path patterns anyone may call with any method (e.g. a supplier API that has
 *        its own API-key authentication)
 * @param publicGetPaths path patterns anyone may read (e.g. {@code /api/items/**})
 */
@ConfigurationProperties("bazaar.security")
public record SecurityProperties(List<String> publicPaths, List<String> publicGetPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : publicPaths;
        publicGetPaths = publicGetPaths == null ? List.of() : publicGetPaths;
    }
}
