package dev.bazaar.search.suggest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.json.JsonData;
import dev.bazaar.contracts.search.ItemSearchIndex;
import dev.bazaar.search.index.IndexCalls;
import dev.bazaar.search.index.SearchIndexNames;
import dev.bazaar.search.query.IndexedItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Type-ahead suggestions. First the completion suggester on {@code suggest} (inputs: title and
 * brand; context listed=true so unlisted items never show; duplicates skipped): an FST lookup,
 * the cheapest thing Elasticsearch can answer. It only completes from the start of an input, so
 * when it finds fewer than asked, titles containing a word that starts with the text
 * ({@code match_bool_prefix}) fill the list: "kurt" suggests "… Straight Kurta".
 */
@Service
class Suggestions {

    static final String SUGGESTER = "items";

    private final ElasticsearchClient elasticsearch;
    private final SearchIndexNames index;

    public Suggestions(ElasticsearchClient elasticsearch, SearchIndexNames index) {
        this.elasticsearch = elasticsearch;
        this.index = index;
    }

    public List<String> suggest(String prefix, int size) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> texts = new java.util.ArrayList<>();
        SearchResponse<JsonData> completion = IndexCalls.run(
                () -> elasticsearch.search(
                        s -> s.index(index.alias())
                                .size(0)
                                .source(src -> src.fetch(false))
                                .suggest(sg -> sg.suggesters(
                                        SUGGESTER,
                                        f -> f.prefix(prefix)
                                                .completion(c -> c.field("suggest")
                                                        .size(size)
                                                        .skipDuplicates(true)
                                                        .contexts(
                                                                ItemSearchIndex.SUGGEST_CONTEXT,
                                                                List.of(CompletionContext.of(cc ->
                                                                        cc.context(ctx -> ctx.category("true")))))))),
                        JsonData.class),
                false);
        for (Suggestion<JsonData> suggestion : completion.suggest().getOrDefault(SUGGESTER, List.of())) {
            suggestion.completion().options().forEach(option -> add(option.text(), seen, texts, size));
        }
        if (texts.size() < size) {
            SearchResponse<IndexedItem> titles = IndexCalls.run(
                    () -> elasticsearch.search(
                            s -> s.index(index.alias())
                                    // Many items share a title (sizes, colours): fetch enough to fill the list with
                                    // distinct ones.
                                    .size(Math.min(100, size * 10))
                                    .source(src -> src.filter(f -> f.includes("title")))
                                    .query(q -> q.bool(b -> b.must(m -> m.matchBoolPrefix(p -> p.field("title")
                                                    .query(prefix)
                                                    .operator(
                                                            co.elastic.clients.elasticsearch._types.query_dsl.Operator
                                                                    .And)))
                                            .filter(f -> f.term(
                                                    t -> t.field("listed").value(true))))),
                            IndexedItem.class),
                    false);
            titles.hits().hits().forEach(hit -> add(hit.source().title(), seen, texts, size));
        }
        return texts;
    }

    private static void add(String text, Set<String> seen, List<String> texts, int size) {
        if (text != null && texts.size() < size && seen.add(text.toLowerCase(Locale.ROOT))) {
            texts.add(text);
        }
    }
}
