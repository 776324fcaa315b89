package de.bwaldvogel.mongo.backend.h2;

import java.util.UUID;

/**
 * An index key that is a canonical UUID string (36 characters, lower-case hex, dashes at 8, 13,
 * 18 and 23, exactly as {@link UUID#toString()} writes it), held as its 128 bits. Item ids are
 * such strings: in a unique index of 600,000 of them each key was a {@code KeyValue}, its list, the
 * list's array, the String and its bytes, and comparing two in the index's tree walks followed
 * all five (a fifth of the server's CPU in an import); each commit also parsed every key to store
 * it in 16 bytes (another sixth). This one object compares by its two longs, which order exactly
 * as the strings do: the dashes stand at the same places, and '0'–'9' sort before 'a'–'f'.
 */
record UuidText(long mostSignificant, long leastSignificant) implements Comparable<UuidText> {

    /** {@code text} as a UUID key if it is canonical, so that its bits give it back exactly; otherwise null. */
    static UuidText parse(String text) {
        if (text.length() != 36) {
            return null;
        }
        long mostSignificant = 0;
        long leastSignificant = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            if (i < 18) {
                mostSignificant = mostSignificant << 4 | digit;
            } else {
                leastSignificant = leastSignificant << 4 | digit;
            }
        }
        return new UuidText(mostSignificant, leastSignificant);
    }

    @Override
    public int compareTo(UuidText other) {
        int order = Long.compareUnsigned(mostSignificant, other.mostSignificant);
        return order != 0 ? order : Long.compareUnsigned(leastSignificant, other.leastSignificant);
    }

    /** The string this key stands for. */
    @Override
    public String toString() {
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
