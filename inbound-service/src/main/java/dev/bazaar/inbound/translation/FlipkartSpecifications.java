package dev.bazaar.inbound.translation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flipkart's Ruby-hash text {@code {"product_specification"=>[{"key"=>"Fabric", "value"=>"Cotton"}, …]}}
 * to attributes. The file also has the single-object variant ({@code =>{"key"=>…}}) and entries with
 * a value but no key ({@code {"value"=>"3 shorts"}}); those are kept under {@code "Other"},
 * {@code "Other 2"} … so no supplier information is silently dropped.
 */
final class FlipkartSpecifications {

    private static final String KEY = "\"key\"=>\"";
    private static final String VALUE = "\"value\"=>\"";

    /**
     * Scanned by hand: the two regular expressions this replaced (one for an entry between braces,
     * one for each quoted pair in it) took a fifth of this service's CPU in a catalogue import.
     * It reads exactly what they matched: {@code FlipkartSpecificationsTests} compares the two on
     * every row of the real sample and on the odd cases.
     */
    public static Map<String, Object> parse(String raw) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return attributes;
        }
        int unnamed = 0;
        int from = 0;
        int open;
        while ((open = raw.indexOf('{', from)) >= 0) {
            int close = nextBrace(raw, open + 1);
            if (close < 0) {
                break;
            }
            if (raw.charAt(close) == '{') { // not an entry: it holds another brace
                from = close;
                continue;
            }
            Entry entry = entry(raw, open + 1, close);
            from = close + 1;
            if (entry.value == null || entry.value.isEmpty()) {
                continue;
            }
            String key = entry.key;
            if (key == null || key.isEmpty()) {
                unnamed++;
                key = unnamed == 1 ? "Other" : "Other " + unnamed;
            }
            // A repeated key keeps its first value: later duplicates in this file repeat it.
            attributes.putIfAbsent(key, entry.value);
        }
        return attributes;
    }

    private static final class Entry {
        String key;
        String value;
    }

    private static int nextBrace(String raw, int from) {
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{' || c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code "key"=>"…"} and {@code "value"=>"…"} between {@code from} and {@code to}. */
    private static Entry entry(String raw, int from, int to) {
        Entry entry = new Entry();
        int i = from;
        while (i < to) {
            int quote = raw.indexOf('"', i);
            if (quote < 0 || quote >= to) {
                break;
            }
            boolean isKey = raw.startsWith(KEY, quote) && quote + KEY.length() <= to;
            boolean isValue = !isKey && raw.startsWith(VALUE, quote) && quote + VALUE.length() <= to;
            int start = quote + (isKey ? KEY.length() : VALUE.length());
            int end = isKey || isValue ? closingQuote(raw, start, to) : -1;
            if (end < 0) {
                i = quote + 1;
                continue;
            }
            String text = unescape(raw.substring(start, end)).strip();
            if (isKey) {
                entry.key = text;
            } else {
                entry.value = text;
            }
            i = end + 1;
        }
        return entry;
    }

    /** The quote that ends a string starting at {@code from}, skipping escaped characters; -1 if none before {@code to}. */
    private static int closingQuote(String raw, int from, int to) {
        int i = from;
        while (i < to) {
            char c = raw.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (i + 1 >= to || isLineTerminator(raw.charAt(i + 1))) {
                    return -1; // the regex's "." after a backslash matched no line terminator either
                }
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static String unescape(String text) {
        return text.indexOf('\\') < 0 ? text : text.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private FlipkartSpecifications() {}
}
