package dev.bazaar.search.shopper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Identifies the shopper of a public search. A valid bearer token gives the user id (the starter's
 * resource server has already verified it; an invalid one was answered 401 before we get here).
 * Anonymous shoppers are told apart by the {@code X-Session-Id} header the front end keeps per
 * browser session; without one (or with a malformed one) a fresh id is made and sent back in the
 * same header, so a client can adopt it for its next searches.
 */
@Component
public class Shoppers {

    public static final String SESSION_HEADER = "X-Session-Id";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    public Shopper current(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            return new Shopper(jwt.getName(), false);
        }
        String session = request.getHeader(SESSION_HEADER);
        if (session == null || !SESSION_ID.matcher(session).matches()) {
            session = "anon-" + UUID.randomUUID();
        }
        response.setHeader(SESSION_HEADER, session);
        return new Shopper(session, true);
    }
}
