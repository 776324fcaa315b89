package dev.bazaar.serviceability.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.serviceability.demo.*}.
 *
 * @param enabled seed the generated demo network into an empty database at start-up ({@code BAZAAR_DEMO},
 *        off unless set; the local profile sets it)
 * @param seed the generator's seed: the same network on every machine
 */
@ConfigurationProperties("bazaar.serviceability.demo")
record DemoProperties(
        boolean enabled,
        @DefaultValue("" + DemoNetwork.DEFAULT_SEED) long seed) {}
