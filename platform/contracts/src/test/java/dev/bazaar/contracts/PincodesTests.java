package dev.bazaar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PincodesTests {

    @Test
    void aPincodeIsSixDigitsTheFirstNotZero() {
        for (String pincode : new String[] {"110001", "560034", "999999", "100000", "794001"}) {
            assertThat(Pincodes.isValid(pincode)).as(pincode).isTrue();
            assertThat(Pincodes.require(pincode)).isSameAs(pincode);
        }
    }

    @Test
    void refusesEverythingElse() {
        for (String notAPincode : new String[] {
            "011001", // zone 0 does not exist
            "000000",
            "11000", // 5 digits
            "1100011", // 7 digits
            " 110001",
            "110001 ",
            "110 001",
            "110001\n",
            "110-001",
            "+110001",
            "-110001",
            "11000a",
            "1e5000",
            "११०००१", // Devanagari digits
            "１１０００１", // full-width digits
            "1१0001", // one Devanagari digit
            "",
            " "
        }) {
            assertThat(Pincodes.isValid(notAPincode)).as(notAPincode).isFalse();
            assertThatThrownBy(() -> Pincodes.require(notAPincode))
                    .as(notAPincode)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(Pincodes.MESSAGE);
        }
        assertThat(Pincodes.isValid(null)).isFalse();
        assertThatThrownBy(() -> Pincodes.require(null)).hasMessage(Pincodes.MESSAGE);
    }

    @Test
    void thePatternRefusesNonAsciiDigitsEvenWithUnicodeCharacterClasses() {
        // Bean validation compiles @Pattern(regexp = PATTERN) itself; [0-9] stays ASCII under any flag.
        Pattern unicode = Pattern.compile(Pincodes.PATTERN, Pattern.UNICODE_CHARACTER_CLASS);
        assertThat(unicode.matcher("११०००१").matches()).isFalse();
        assertThat(unicode.matcher("１１０００１").matches()).isFalse();
        assertThat(unicode.matcher("110001").matches()).isTrue();
    }
}
