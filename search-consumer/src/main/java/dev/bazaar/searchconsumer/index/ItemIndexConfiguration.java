package dev.bazaar.searchconsumer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.searchconsumer.SearchConsumerProperties;
import dev.bazaar.starter.naming.BazaarElasticsearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ItemIndexConfiguration {

    @Bean
    ItemIndexNames itemIndexNames(BazaarElasticsearchProperties elasticsearch) {
        return new ItemIndexNames(elasticsearch.indexPrefix());
    }

    @Bean
    ItemIndexBootstrap itemIndexBootstrap(
            ElasticsearchClient client, ItemIndexNames names, SearchConsumerProperties properties) {
        return new ItemIndexBootstrap(client, names, properties.bootstrapTimeout());
    }
}
