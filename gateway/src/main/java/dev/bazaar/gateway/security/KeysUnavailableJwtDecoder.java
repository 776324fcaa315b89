package dev.bazaar.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Makes "could not check the token" an authentication failure. A JWKS decoder that has not fetched
 * the keys yet fails with {@code IllegalStateException("Could not obtain the keys")}, which Spring
 * Security lets escape its authentication filter (the client got a 500). As a {@link JwtException}
 * (not a {@code BadJwtException}: nothing is known to be wrong with the token) it becomes an
 * {@code AuthenticationServiceException}, which {@link TokenKeysUnavailableHandler} answers with 503.
 */
class KeysUnavailableJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;

    KeysUnavailableJwtDecoder(ReactiveJwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.decode(token)
                .onErrorMap(
                        failure -> !(failure instanceof JwtException),
                        failure -> new JwtException("Could not check the token: " + failure.getMessage(), failure));
    }
}
