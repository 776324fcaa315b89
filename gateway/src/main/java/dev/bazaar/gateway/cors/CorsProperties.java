package dev.bazaar.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The storefront origins allowed to call {@code /api/**} from a browser ({@code bazaar.gateway.cors.*}). */
@ConfigurationProperties("bazaar.gateway.cors")
record CorsProperties(
        List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
