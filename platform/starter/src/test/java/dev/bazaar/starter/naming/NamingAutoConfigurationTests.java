package dev.bazaar.starter.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NamingAutoConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NamingAutoConfiguration.class));

    @Test
    void productionHasNoPrefixes() {
        runner.run(context -> {
            assertThat(context.getBean(BazaarRedisProperties.class).keyPrefix()).isEmpty();
            assertThat(context.getBean(BazaarElasticsearchProperties.class).indexPrefix())
                    .isEmpty();
        });
    }

    @Test
    void aTestClassPrefixReachesTheRecords() {
        runner.withPropertyValues("bazaar.redis.key-prefix=t_abc:", "bazaar.elasticsearch.index-prefix=t_abc_")
                .run(context -> {
                    assertThat(context.getBean(BazaarRedisProperties.class).keyPrefix())
                            .isEqualTo("t_abc:");
                    assertThat(context.getBean(BazaarElasticsearchProperties.class)
                                    .indexPrefix())
                            .isEqualTo("t_abc_");
                });
    }
}
