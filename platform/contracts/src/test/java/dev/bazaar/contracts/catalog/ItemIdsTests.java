package dev.bazaar.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemIdsTests {

    @Test
    void isTheNameBasedUuidOfTheLengthPrefixedPair() {
        var random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String supplier = "supplier-" + random.nextInt(1_000);
            String sku = randomText(random);
            String name = supplier.length() + ":" + supplier + "/" + sku;
            assertThat(ItemIds.of(supplier, sku)).as(name)
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void keepsPairsThatConcatenateAlikeApart() {
        assertThat(ItemIds.of("ab", "c")).isNotEqualTo(ItemIds.of("a", "bc"));
    }

    @Test
    void needsBothParts() {
        assertThatThrownBy(() -> ItemIds.of(" ", "sku")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemIds.of("supplier", null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** SKUs of any length, with non-Latin letters and emoji. */
    private static String randomText(Random random) {
        String alphabet = "abcXYZ0189-_/.दीया中文€😀";
        var text = new StringBuilder();
        int length = 1 + random.nextInt(40);
        while (text.length() < length) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                text.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
