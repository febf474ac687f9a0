package dev.sharelinks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretTokensTests {

    @Test
    void shareTokensCarryAtLeast128BitsOfUrlSafeRandomness() {
        String token = SecretTokens.newShareToken();
        assertThat(token).matches("sh_[0-9A-Za-z]{22}");
        // 22 characters of a 62-letter alphabet
        assertThat(22 * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(128);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SecretTokens.newShareToken())).isTrue();
        }
    }

    @Test
    void everyBase62LetterIsUsed() {
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : SecretTokens.randomBase62(22).toCharArray()) {
                letters.add(c);
            }
        }
        assertThat(letters).hasSize(62);
    }

    @Test
    void hashIsSha256Hex() {
        assertThat(SecretTokens.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
