package dev.bazaar.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bazaar.user.UsersProperties;
import dev.bazaar.user.account.Role;
import dev.bazaar.user.account.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Short-lived RS256 access tokens: {@code sub} user id, {@code roles}, {@code email}, {@code iss}, {@code iat},
 * {@code exp}, and for a SELLER linked to a supplier {@code supplier_id} (which orders they fulfil).
 */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;

    AccessTokens(SigningKeys keys, UsersProperties properties) {
        this.keys = keys;
        this.issuer = properties.jwt().issuer();
        this.ttl = properties.jwt().accessTtl();
    }

    public String issue(UserAccount user) {
        return sign(user, Instant.now(), Instant.now().plus(ttl));
    }

    public Duration ttl() {
        return ttl;
    }

    String sign(UserAccount user, Instant issuedAt, Instant expiresAt) {
        RSAKey key = keys.active();
        var builder = new JWTClaimsSet.Builder()
                .subject(user.id())
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("roles", user.roles().stream().map(Role::name).toList());
        if (user.roles().contains(Role.SELLER) && user.supplierId() != null) {
            builder.claim("supplier_id", user.supplierId());
        }
        var claims = builder.build();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
