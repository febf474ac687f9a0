package dev.sharelinks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SecretTokensTests {

    private final SecretTokens secrets = withLengths(22, 32, 32);

    static SecretTokens withLengths(int share, int apiKey, int result) {
        return new SecretTokens(new ShareLinksProperties(
                null,
                URI.create("http://localhost"),
                false,
                new ShareLinksProperties.Retention(
                        true, Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(400)),
                new ShareLinksProperties.RateLimit(true, 600, 30, List.of(), 100_000, Duration.ofMinutes(1), true),
                new ShareLinksProperties.Limits(DataSize.ofMegabytes(1), 32),
                new ShareLinksProperties.Tokens(share, apiKey, result),
                null,
                new ShareLinksProperties.Grants(Duration.ofMinutes(5), Duration.ofSeconds(10)),
                new ShareLinksProperties.Anam(
                        java.net.URI.create("https://sdk.example/anam.js"), Duration.ofSeconds(5)),
                null,
                null,
                null,
                null));
    }

    @Test
    void defaultLengthsCarryAtLeast128BitsOfUrlSafeRandomness() {
        assertThat(secrets.newShareToken()).matches("sh_[0-9A-Za-z]{22}");
        assertThat(secrets.newApiKey()).matches("sk_[0-9A-Za-z]{32}");
        assertThat(secrets.newResultToken()).matches("[0-9A-Za-z]{32}");
        String token = secrets.newShareToken();
        assertThat(token).matches("sh_[0-9A-Za-z]{22}");
        // 22 characters of a 62-letter alphabet
        assertThat(22 * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(128);
    }

    @Test
    void configuredLengthsAreUsed() {
        SecretTokens longer = withLengths(40, 50, 60);
        assertThat(longer.newShareToken()).matches("sh_[0-9A-Za-z]{40}");
        assertThat(longer.newApiKey()).matches("sk_[0-9A-Za-z]{50}");
        assertThat(longer.newResultToken()).matches("[0-9A-Za-z]{60}");
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(secrets.newShareToken())).isTrue();
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
