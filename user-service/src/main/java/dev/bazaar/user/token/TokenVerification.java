package dev.bazaar.user.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.bazaar.user.UsersProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The starter's resource server verifies tokens with this decoder: this service's own keys, read
 * from its key store rather than fetched over HTTP from itself. RS256 only (an {@code alg=none} or
 * HS256 token is refused before any key is looked at), our issuer, not expired (60 s skew).
 * Primary, so it wins over the test key decoder that platform/testing registers in tests: user-service
 * trusts only the tokens it signed.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    @Bean
    @Primary
    JwtDecoder userServiceJwtDecoder(SigningKeys keys, UsersProperties properties) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.verificationKeys()));
        // Claims are checked by Spring's validators below (one place, one clock skew).
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        var decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()));
        return decoder;
    }
}
