package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Origins in the one form the embed rules and the frame CSP compare. */
class OriginsTests {

    @Test
    void originsAreLowerCaseWithoutDefaultPortsOrTrailingSlash() {
        assertThat(Origins.normalize("HTTPS://Shop.Example.COM/")).isEqualTo("https://shop.example.com");
        assertThat(Origins.normalize("https://shop.example:443")).isEqualTo("https://shop.example");
        assertThat(Origins.normalize("http://shop.example:80")).isEqualTo("http://shop.example");
        assertThat(Origins.normalize("https://shop.example:8443")).isEqualTo("https://shop.example:8443");
        assertThat(Origins.normalize("  https://shop.example  ")).isEqualTo("https://shop.example");
    }

    @Test
    void anythingButSchemeHostAndPortIsRefused() {
        for (String bad : new String[] {
            "https://shop.example/path",
            "https://shop.example?q",
            "https://shop.example#f",
            "ftp://shop.example",
            "https://user@shop.example",
            "shop.example",
            "",
            "https://" + "a".repeat(300) + ".example"
        }) {
            assertThatThrownBy(() -> Origins.normalize(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("allowedOrigins");
        }
        assertThat(Origins.normalizeOrNull("null")).isNull();
    }
}
