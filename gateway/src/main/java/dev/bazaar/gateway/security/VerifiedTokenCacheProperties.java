package dev.bazaar.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maximumTokens verified tokens {@link CachingJwtDecoder} keeps ({@code bazaar.gateway.verified-token-cache.*}) */
@ConfigurationProperties("bazaar.gateway.verified-token-cache")
record VerifiedTokenCacheProperties(@DefaultValue("100000") long maximumTokens) {}
