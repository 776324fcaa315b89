package dev.bazaar.item.supplierfeed;

import dev.bazaar.contracts.catalog.CanonicalItem;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The item of a {@code supplier.items.v1} event, with its JSON as received: a new item's
 * {@code catalog.items.v1} event is built around that JSON instead of serializing the item again
 * ({@link SupplierItemImport}). Only the item is read; the envelope's other properties are not
 * used here.
 *
 * @param json the item's JSON, or null when it holds a property this version does not know (a
 *        newer inbound-service's): the catalogue event then carries the item as read, without it
 */
record ReceivedItem(CanonicalItem item, byte[] json) {

    /** Set by the reader while reading an item that holds a property {@link CanonicalItem} does not have. */
    private static final ThreadLocal<boolean[]> UNKNOWN_PROPERTY = ThreadLocal.withInitial(() -> new boolean[1]);

    /** Reads items off a parser that goes on after them (see {@link #read}). */
    static ObjectReader itemReader(JsonMapper mapper) {
        return mapper.readerFor(CanonicalItem.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(
                            DeserializationContext context,
                            JsonParser parser,
                            ValueDeserializer<?> deserializer,
                            Object beanOrClass,
                            String propertyName) {
                        UNKNOWN_PROPERTY.get()[0] = true;
                        parser.skipChildren(); // ignored, as without this handler
                        return true;
                    }
                });
    }

    /**
     * @param items from {@link #itemReader}
     * @throws IllegalArgumentException if the record is not a JSON object with an item object
     */
    static ReceivedItem read(ObjectReader items, byte[] event) {
        CanonicalItem item = null;
        byte[] itemJson = null;
        try (JsonParser parser = items.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("item")) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    boolean[] unknownProperty = UNKNOWN_PROPERTY.get();
                    unknownProperty[0] = false;
                    item = items.readValue(parser);
                    int end = (int) parser.currentTokenLocation().getByteOffset() + 1; // after its '}'
                    itemJson = unknownProperty[0] ? null : Arrays.copyOfRange(event, start, end);
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (item == null) {
            throw new IllegalArgumentException("no item");
        }
        return new ReceivedItem(item, itemJson);
    }
}
