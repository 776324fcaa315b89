package dev.bazaar.inbound.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bazaar.testing.FlipkartSampleFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanner reads what the regular expressions it replaced read, on real and odd input
 * (what the three Flipkart forms become is in {@code TranslationTests}).
 */
class FlipkartSpecificationsTests {

    @Test
    void readsWhatTheRegularExpressionsReadOnOddInput() {
        List<String> odd = List.of(
                "",
                "   ",
                "nothing here",
                "{\"key\"=>\"Size\", \"value\"=>\"10 \\\"inch\\\"\"}",
                "{\"key\"=>\"Path\", \"value\"=>\"C:\\\\temp\\\\x\"}",
                "{\"key\"=>\"Broken\", \"value\"=>\"no end}",
                "{\"key\"=>\"Line\", \"value\"=>\"a\\\nb\"}",
                "{\"key\"=>\"Trailing\", \"value\"=>\"backslash\\\\\"}",
                "{\"key\"=>\"Brace\", \"value\"=>\"has { inside\"}, {\"key\"=>\"After\", \"value\"=>\"ok\"}",
                "{\"key\"=>\"Close\", \"value\"=>\"has } inside\"}",
                "{\"key\"=>\"Twice\", \"value\"=>\"first\"}, {\"key\"=>\"Twice\", \"value\"=>\"second\"}",
                "{\"key\"=>\"A\", \"key\"=>\"B\", \"value\"=>\"last key wins\"}",
                "{\"key\"=>\"Empty\", \"value\"=>\"\"}",
                "{\"key\"=>\"  Spaced  \", \"value\"=>\"  out  \"}",
                "{\"key\"=>\"Unicode\", \"value\"=>\"दीया “quoted” \uD83D\uDE00\"}",
                "{\"key\"=>\"Escaped emoji\", \"value\"=>\"x\\\uD83D\uDE00y\"}",
                "{{{\"key\"=>\"Deep\", \"value\"=>\"v\"}}}",
                "{\"keyx\"=>\"no\", \"value\"=>\"yes\"}",
                "{\"key\"=>\"Unclosed entry\", \"value\"=>\"v\"",
                "}{\"value\"=>\"after a stray brace\"}");
        for (String raw : odd) {
            assertThat(FlipkartSpecifications.parse(raw)).as(raw).containsExactlyEntriesOf(RegexReference.parse(raw));
        }
    }

    @Test
    void readsWhatTheRegularExpressionsReadOnEveryRowOfTheRealSample() throws Exception {
        Optional<Path> sample = FlipkartSampleFile.locate();
        assumeTrue(sample.isPresent(), "the Flipkart sample is not beside the repository (set BAZAAR_DATA_DIR)");
        int compared = 0;
        for (Map<String, String> row : FlipkartSampleFile.rows(sample.get())) {
            String raw = row.get("product_specifications");
            assertThat(FlipkartSpecifications.parse(raw)).as(raw).containsExactlyEntriesOf(RegexReference.parse(raw));
            compared++;
        }
        assertThat(compared).isGreaterThan(900);
    }

    /** The implementation before 2026-12-02, kept as the reference. */
    private static final class RegexReference {

        private static final Pattern ENTRY = Pattern.compile("\\{([^{}]*)}");
        private static final Pattern PAIR = Pattern.compile("\"(key|value)\"=>\"((?:[^\"\\\\]++|\\\\.)*+)\"");

        static Map<String, Object> parse(String raw) {
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
                    String text = pair.group(2)
                            .replace("\\\"", "\"")
                            .replace("\\\\", "\\")
                            .strip();
                    if (pair.group(1).equals("key")) {
                        key = text;
                    } else {
                        value = text;
                    }
                }
                if (value == null || value.isEmpty()) {
                    continue;
                }
                if (key == null || key.isEmpty()) {
                    unnamed++;
                    key = unnamed == 1 ? "Other" : "Other " + unnamed;
                }
                attributes.putIfAbsent(key, value);
            }
            return attributes;
        }
    }
}
