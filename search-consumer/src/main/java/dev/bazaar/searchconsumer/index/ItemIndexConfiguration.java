package dev.bazaar.searchconsumer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.bazaar.searchconsumer.SearchConsumerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ItemIndexConfiguration {

    @Bean
    ItemIndexNames itemIndexNames(@Value("${bazaar.elasticsearch.index-prefix:}") String prefix) {
        return new ItemIndexNames(prefix);
    }

    @Bean
    ItemIndexBootstrap itemIndexBootstrap(
            ElasticsearchClient client, ItemIndexNames names, SearchConsumerProperties properties) {
        return new ItemIndexBootstrap(client, names, properties.bootstrapTimeout());
    }
}
