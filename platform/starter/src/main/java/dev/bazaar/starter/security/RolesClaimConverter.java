package dev.bazaar.starter.security;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * user-service puts the user's roles (CUSTOMER, SELLER, OPS) in a {@code roles} claim; they become
 * {@code ROLE_*} authorities. Shared by the servlet services and the reactive gateway.
 */
public final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String CLAIM = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    /** The roles of a token, none when the claim is absent. */
    public static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM);
        return roles == null ? List.of() : roles;
    }
}
