package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.elasticsearch.test.autoconfigure.DataElasticsearchTest;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregations;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.SearchHits;

@DataElasticsearchTest
@UsesLocalServers(LocalServer.ELASTICSEARCH)
class ElasticsearchSmokeIntegrationTests {

    @Document(indexName = "#{@isolatedNames.indexPrefix()}products")
    record Product(
            @Id String id,
            @Field(type = FieldType.Text) String title,
            @Field(type = FieldType.Keyword) String brand) {}

    @Autowired
    ElasticsearchOperations operations;

    @BeforeEach
    void createIndexWithMapping() {
        operations.indexOps(Product.class).createWithMapping();
    }

    @AfterEach
    void dropIndex() {
        operations.indexOps(Product.class).delete();
    }

    @Test
    void misspeltQueryFindsProductsAndBrandsAreCountedByTermsAggregation() {
        operations.save(List.of(
                new Product("1", "Samsung Galaxy M31 smartphone", "Samsung"),
                new Product("2", "Samsung 43 inch television", "Samsung"),
                new Product("3", "Apple iPhone 15 smartphone", "Apple"),
                new Product("4", "Cotton kurta for women", "Alisha")));
        operations.indexOps(Product.class).refresh();

        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.multiMatch(m ->
                        m.query("samsng smartphne").fields("title", "brand").fuzziness("AUTO")))
                .withAggregation("brands", Aggregation.of(a -> a.terms(t -> t.field("brand"))))
                .build();
        SearchHits<Product> hits = operations.search(query, Product.class);

        assertThat(hits.getSearchHits())
                .map(SearchHit::getId)
                .startsWith("1")
                .contains("2", "3")
                .doesNotContain("4");
        var brands = ((ElasticsearchAggregations) hits.getAggregations())
                .get("brands").aggregation().getAggregate().sterms().buckets().array().stream()
                        .collect(Collectors.toMap(StringTermsBucket::key, StringTermsBucket::docCount, (a, b) -> a))
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(e -> e.getKey().stringValue(), Map.Entry::getValue));
        assertThat(brands).containsExactlyInAnyOrderEntriesOf(Map.of("Samsung", 2L, "Apple", 1L));
    }
}
