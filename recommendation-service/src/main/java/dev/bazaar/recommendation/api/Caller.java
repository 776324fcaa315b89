package dev.bazaar.recommendation.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who asks: the reads are public, so a request may come without a token (anonymous); one that is sent has
 * already been verified by the starter's filter chain (a bad one is a 401 before this runs).
 */
record Caller(String userId, boolean ops) {

    static final Caller ANONYMOUS = new Caller(null, false);

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            boolean ops =
                    jwt.getAuthorities().stream().anyMatch(authority -> "ROLE_OPS".equals(authority.getAuthority()));
            return new Caller(jwt.getName(), ops);
        }
        return ANONYMOUS;
    }

    boolean signedIn() {
        return userId != null;
    }
}
