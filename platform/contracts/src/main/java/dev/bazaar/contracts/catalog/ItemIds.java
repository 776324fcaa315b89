package dev.bazaar.contracts.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Item ids are derived from (supplierId, supplierSku), so re-sending a catalogue addresses the same
 * items instead of creating duplicates, and every service computes the same id without a lookup.
 */
public final class ItemIds {

    /**
     * The one rule for an item id, as a regular expression: a UUID in canonical form, as
     * {@link #of} and {@link UUID#toString} write it: 36 characters, lower-case hex digits in groups
     * of 8-4-4-4-12. Stricter than {@link UUID#fromString}, which also takes upper case and
     * shortened groups such as {@code 1-1-1-1-1}, names that would never find a stored item.
     */
    public static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** The one error message, for a problem's detail and for a field error alike. */
    public static final String MESSAGE =
            "an item id is a UUID in canonical form: lower-case hex digits in groups of 8-4-4-4-12";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    // One MD5 per thread: UUID.nameUUIDFromBytes looks the algorithm up among the security
    // providers on every call, which showed in the profile of a catalogue import (an id per row).
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    });

    /** The name-based (version 3) UUID of the pair, as {@link UUID#nameUUIDFromBytes} makes it. */
    public static String of(String supplierId, String supplierSku) {
        if (supplierId == null || supplierId.isBlank() || supplierSku == null || supplierSku.isBlank()) {
            throw new IllegalArgumentException("supplierId and supplierSku are required");
        }
        // A length prefix keeps ("ab","c") and ("a","bc") apart.
        String name = supplierId.length() + ":" + supplierId + "/" + supplierSku;
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) (md5[6] & 0x0f | 0x30); // version 3
        md5[8] = (byte) (md5[8] & 0x3f | 0x80); // IETF variant
        return new UUID(bigEndianLong(md5, 0), bigEndianLong(md5, 8)).toString();
    }

    /** Whether the text is an item id exactly as {@link #of} makes them. */
    public static boolean isValid(String itemId) {
        return itemId != null && COMPILED.matcher(itemId).matches();
    }

    /** The item id itself; {@link IllegalArgumentException} with {@link #MESSAGE} when it is not one. */
    public static String require(String itemId) {
        if (!isValid(itemId)) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return itemId;
    }

    private static long bigEndianLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | bytes[i] & 0xff;
        }
        return value;
    }

    private ItemIds() {}
}
