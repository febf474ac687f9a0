package dev.sharelinks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNamesTests {

    @Test
    void namesWithBidirectionalControlsAreRefusedAndOthersPass() {
        for (int control : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069}) {
            String name = "ab" + Character.toString(control) + "cd";
            assertThatThrownBy(() -> DisplayNames.check("name", name))
                    .as("U+%04X", control)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(DisplayNames.check("name", "Ünïcödé ок שלום")).isEqualTo("Ünïcödé ок שלום");
        assertThat(DisplayNames.check("name", null)).isNull();
    }

    @Test
    void textOnAPageShowsItsControlsInsteadOfObeyingThem() {
        assertThat(DisplayNames.neutralized("pass\u202Eliaf")).isEqualTo("pass\\u202Eliaf");
        assertThat(DisplayNames.neutralized("plain")).isEqualTo("plain");
    }
}
