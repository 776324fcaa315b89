package dev.bazaar.starter.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What anonymous callers may reach in a service with JWT security: {@link #ALWAYS} plus the service's
 * {@code bazaar.security.public-paths} (any method) and {@code public-get-paths} (GET). The security
 * filter chain permits these patterns; the API docs use {@link #permits} to mark which operations
 * need a token.
 */
public final class PublicPaths {

    /** Health, info, Prometheus and the API docs. */
    public static final List<String> ALWAYS = List.of(
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/error");

    private final List<PathPattern> anyMethod;
    private final List<PathPattern> get;

    public PublicPaths(SecurityProperties properties) {
        this.anyMethod = parse(java.util.stream.Stream.concat(ALWAYS.stream(), properties.publicPaths().stream())
                .toList());
        this.get = parse(properties.publicGetPaths());
    }

    /** Whether anyone may call {@code method} on {@code path} (a path or an OpenAPI path template). */
    public boolean permits(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return anyMethod.stream().anyMatch(pattern -> pattern.matches(container))
                || HttpMethod.GET.equals(method) && get.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
