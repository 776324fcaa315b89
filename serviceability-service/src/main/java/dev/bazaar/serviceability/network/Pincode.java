package dev.bazaar.serviceability.network;

import java.util.regex.Pattern;

/** An Indian postal code with where it is; the state is as supplied (the source data has wrong ones). */
public record Pincode(String code, String state, double latitude, double longitude) {

    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{5}");

    public static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
