package dev.bazaar.contracts;

import java.util.regex.Pattern;

/**
 * The one rule for an Indian postal code (PIN code): exactly six ASCII digits, the first not 0
 * (postal zones are 1 to 9). Every service checks pincodes here and answers with {@link #MESSAGE}.
 */
public final class Pincodes {

    /**
     * The rule as a regular expression, also for {@code @Pattern(regexp = Pincodes.PATTERN)}. Written
     * with {@code [0-9]}, not {@code \d}, so that no flag (UNICODE_CHARACTER_CLASS) lets in
     * Devanagari or full-width digits.
     */
    public static final String PATTERN = "[1-9][0-9]{5}";

    /** The one error message, for a problem's detail and for a field error alike. */
    public static final String MESSAGE = "a pincode is six digits (0-9), the first not 0";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** Whether the text is a pincode exactly as written: no spaces, signs or other characters. */
    public static boolean isValid(String pincode) {
        return pincode != null && COMPILED.matcher(pincode).matches();
    }

    /** The pincode itself; {@link IllegalArgumentException} with {@link #MESSAGE} when it is not one. */
    public static String require(String pincode) {
        if (!isValid(pincode)) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return pincode;
    }

    private Pincodes() {}
}
