package dev.bazaar.starter.naming;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The name prefixes that keep test classes apart on shared servers, one record per store, so a
 * service takes its prefix from here instead of restating the empty default. (Kafka's topic prefix
 * is {@code BazaarKafkaProperties}.)
 */
@AutoConfiguration
@EnableConfigurationProperties({BazaarRedisProperties.class, BazaarElasticsearchProperties.class})
public class NamingAutoConfiguration {}
