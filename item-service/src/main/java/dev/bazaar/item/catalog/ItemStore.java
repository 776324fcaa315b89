package dev.bazaar.item.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.model.InsertManyOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.RawBsonDocument;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Every read and write of the {@code items} collection, so the document's rules live in one place. */
@Component
public class ItemStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final ItemBson bson;
    private final PersistenceExceptionTranslator exceptions;

    public ItemStore(MongoTemplate mongo, ItemBson bson) {
        this.mongo = mongo;
        this.bson = bson;
        this.exceptions = mongo.getMongoDatabaseFactory().getExceptionTranslator();
    }

    public MongoTemplate template() {
        return mongo;
    }

    public Optional<ItemDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ItemDocument.class));
    }

    /** The stored items among {@code ids}, by id; one indexed {@code $in} query. */
    public Map<String, ItemDocument> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), ItemDocument.class).stream()
                .collect(Collectors.toMap(ItemDocument::id, Function.identity()));
    }

    /** One page, sorted by id: unique and indexed together with each filter, so paging is stable. */
    public List<ItemDocument> list(Criteria filter, long offset, int limit) {
        Query page = query(filter).with(Sort.by("_id")).skip(offset).limit(limit);
        return mongo.find(page, ItemDocument.class);
    }

    public long count(Criteria filter) {
        return mongo.count(query(filter), ItemDocument.class);
    }

    public void insert(ItemDocument item) {
        mongo.insert(item);
    }

    /**
     * Inserts new items with one unordered batch, encoded by {@link ItemBson} (the importer's hot
     * path). Returns the ids that existed already, because someone created them in between; every
     * other item is stored.
     */
    public Set<String> insertNew(List<ItemDocument> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        List<RawBsonDocument> documents = items.stream().map(bson::toBson).toList();
        try {
            mongo.getCollection(ItemDocument.COLLECTION)
                    .withDocumentClass(RawBsonDocument.class)
                    .insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteConcernError() == null
                    && e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw translated(e);
            }
            return e.getWriteErrors().stream()
                    .map(error -> items.get(error.getIndex()).id())
                    .collect(Collectors.toSet());
        } catch (MongoException e) {
            throw translated(e);
        }
    }

    // The template's own translator: the same exceptions as every MongoTemplate call, for callers and error handlers.
    private RuntimeException translated(MongoException e) {
        DataAccessException translated = exceptions.translateExceptionIfPossible(e);
        return translated == null ? e : translated;
    }

    /**
     * The update that stores {@code content} as the next revision of an item, made by {@code change}.
     * Callers put the version guards in the filter.
     */
    public static Update changeUpdate(ItemContent content, long supplierVersion, ItemChange change) {
        return new Update()
                .set("title", content.title())
                .set("brand", content.brand())
                .set("categoryPath", content.categoryPath())
                .set("categoryPrefixes", content.categoryPrefixes())
                .set("price", content.price())
                .set("mrp", content.mrp())
                .set("images", content.images())
                .set("description", content.description())
                .set("attributes", content.attributes())
                .set("sizeClass", content.sizeClass())
                .set("active", content.active())
                .set("supplierVersion", supplierVersion)
                .set("updatedAt", change.occurredAt())
                .set("lastChange", change)
                .inc("version", 1);
    }

    /**
     * Compare-and-set on the revision a client (or the importer) read: applies {@code update} only
     * if nobody changed the item since, and returns the item as stored afterwards.
     */
    public Optional<ItemDocument> updateIfVersion(String id, long expectedVersion, Update update) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(id).and("version").is(expectedVersion)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                ItemDocument.class));
    }
}
