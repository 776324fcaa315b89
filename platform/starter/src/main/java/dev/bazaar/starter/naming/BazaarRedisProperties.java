package dev.bazaar.starter.naming;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.redis.*}; the default is stated here only.
 *
 * @param keyPrefix put before every Redis key a service writes (empty in production; each test class
 *     isolates its keys with it, so tests share one Redis)
 */
@ConfigurationProperties("bazaar.redis")
public record BazaarRedisProperties(@DefaultValue("") String keyPrefix) {}
