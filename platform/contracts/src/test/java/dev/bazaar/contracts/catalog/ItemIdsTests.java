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
            assertThat(ItemIds.of(supplier, sku))
                    .as(name)
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                            .toString());
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

    @Test
    void everyIdItMakesIsValid() {
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String id = ItemIds.of("supplier-" + random.nextInt(1_000), randomText(random));
            assertThat(ItemIds.isValid(id)).as(id).isTrue();
            assertThat(ItemIds.require(id)).isSameAs(id);
        }
        assertThat(ItemIds.isValid(UUID.randomUUID().toString())).isTrue();
    }

    @Test
    void aValidIdIsACanonicalLowerCaseUuid() {
        assertThat(ItemIds.isValid("0f8fad5b-d9cb-469f-a165-70867728950e")).isTrue();
        assertThat(ItemIds.isValid("00000000-0000-0000-0000-000000000000")).isTrue();
    }

    @Test
    void refusesWhatUuidFromStringWouldTake() {
        for (String notAnId : new String[] {
            "0F8FAD5B-D9CB-469F-A165-70867728950E", // upper case: UUID.toString never writes it
            "0f8fad5b-d9cb-469f-a165-70867728950E", // one upper-case digit
            "1-1-1-1-1", // UUID.fromString reads it as 00000001-0001-0001-0001-000000000001
            "0f8fad5b-d9cb-469f-a165-0070867728950e", // 13 digits in the last group
            "0f8fad5bd9cb469fa16570867728950e", // no dashes
            "{0f8fad5b-d9cb-469f-a165-70867728950e}",
            " 0f8fad5b-d9cb-469f-a165-70867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950e ",
            "0f8fad5b-d9cb-469f-a165-70867728950e\n",
            "0f8fad5b-d9cb-469f-a165-７０867728950e", // full-width digits
            "0f8fad5b-d9cb-469f-a165-७०867728950e", // Devanagari digits
            "0f8fad5g-d9cb-469f-a165-70867728950e", // g is no hex digit
            "",
            " "
        }) {
            assertThat(ItemIds.isValid(notAnId)).as(notAnId).isFalse();
            assertThatThrownBy(() -> ItemIds.require(notAnId))
                    .as(notAnId)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ItemIds.MESSAGE);
        }
        assertThat(ItemIds.isValid(null)).isFalse();
        assertThatThrownBy(() -> ItemIds.require(null)).hasMessage(ItemIds.MESSAGE);
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
