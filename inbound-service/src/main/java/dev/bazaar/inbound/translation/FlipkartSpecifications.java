package dev.bazaar.inbound.translation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flipkart's Ruby-hash text {@code {"product_specification"=>[{"key"=>"Fabric", "value"=>"Cotton"}, …]}}
 * to attributes. The file also has the single-object variant ({@code =>{"key"=>…}}) and entries with
 * a value but no key ({@code {"value"=>"3 shorts"}}); those are kept under {@code "Other"},
 * {@code "Other 2"} … so no supplier information is silently dropped.
 */
public final class FlipkartSpecifications {

    /** One {@code {…}} entry: its text never contains braces in this format. */
    private static final Pattern ENTRY = Pattern.compile("\\{([^{}]*)}");
    /** Possessive quantifiers: no backtracking, so a long value cannot overflow the regex engine's stack. */
    private static final Pattern PAIR = Pattern.compile("\"(key|value)\"=>\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    public static Map<String, Object> parse(String raw) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return attributes;
        }
        int unnamed = 0;
        Matcher entry = ENTRY.matcher(raw);
        while (entry.find()) {
            String key = null;
            String value = null;
            Matcher pair = PAIR.matcher(entry.group(1));
            while (pair.find()) {
                if (pair.group(1).equals("key")) {
                    key = unescape(pair.group(2)).strip();
                } else {
                    value = unescape(pair.group(2)).strip();
                }
            }
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (key == null || key.isEmpty()) {
                unnamed++;
                key = unnamed == 1 ? "Other" : "Other " + unnamed;
            }
            // A repeated key keeps its first value: later duplicates in this file repeat it.
            attributes.putIfAbsent(key, value);
        }
        return attributes;
    }

    private static String unescape(String text) {
        return text.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private FlipkartSpecifications() {
    }
}
