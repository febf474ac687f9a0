package dev.sharelinks.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.result.ResultLinkExpiryException.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a shareable result link may expire. */
class ResultExpiryTests {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void noExpiryMeansSevenDays() {
        assertThat(ResultService.expiry(null, NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void anExpiryMustBeInTheFutureAndAtMostAYearAhead() {
        assertThat(ResultService.expiry(NOW.plusMillis(1), NOW)).isEqualTo(NOW.plusMillis(1));
        assertThat(ResultService.expiry(NOW.plus(Duration.ofDays(365)), NOW)).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThatThrownBy(() -> ResultService.expiry(NOW, NOW))
                .isInstanceOfSatisfying(
                        ResultLinkExpiryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_IN_THE_FUTURE));
        assertThatThrownBy(() ->
                        ResultService.expiry(NOW.plus(Duration.ofDays(365)).plusMillis(1), NOW))
                .isInstanceOfSatisfying(
                        ResultLinkExpiryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_FAR_AHEAD));
    }
}
