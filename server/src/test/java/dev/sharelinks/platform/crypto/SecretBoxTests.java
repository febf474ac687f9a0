package dev.sharelinks.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealed secrets open to what was sealed, with this key only; a refusal is never remembered as an answer. */
class SecretBoxTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretBox box = new SecretBox(KeyEncryptionKey.resolve(KEY, "jdbc:postgresql://nowhere/db"));

    @Test
    void eachSealingIsItsOwnTextAndOpensToTheSecret() {
        String first = box.seal("whsec_first");
        String again = box.seal("whsec_first");
        String other = box.seal("whsec_other");
        assertThat(first).isNotEqualTo(again).doesNotContain("whsec_first");
        assertThat(box.open(first)).isEqualTo("whsec_first");
        assertThat(box.open(first)).isEqualTo("whsec_first"); // the second time from memory
        assertThat(box.open(again)).isEqualTo("whsec_first");
        assertThat(box.open(other)).isEqualTo("whsec_other");
    }

    @Test
    void aTamperedTextOrAnotherKeyIsRefusedEveryTime() {
        String sealed = box.seal("anam_key");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");
        SecretBox otherKey = new SecretBox(KeyEncryptionKey.resolve(
                Base64.getEncoder().encodeToString(new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                    28, 29, 30, 31, 32
                }),
                "jdbc:postgresql://nowhere/db"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> otherKey.open(sealed)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(box.open(sealed)).isEqualTo("anam_key");
    }
}
