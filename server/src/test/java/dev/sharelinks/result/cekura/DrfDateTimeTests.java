package dev.sharelinks.result.cekura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.platform.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** expire_at as the Cekura spec's description says DRF reads it. */
class DrfDateTimeTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2030-01-02T03:04:05Z",
                "2030-01-02T03:04:05+00:00",
                "2030-01-02T04:04:05+01:00",
                "2030-01-02T03:04:05",
                "2030-01-02 03:04:05",
                "2030-01-02 03:04:05Z"
            })
    void readsIso8601WithATOrASpaceAndTakesANaiveTimeAsUtc(String text) {
        assertThat(DrfDateTime.parse("expire_at", text)).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2030-01-02", "tomorrow", "2030-01-02  03:04", "02/01/2030 03:04"})
    void anythingElseIsDrfsWrongFormat(String text) {
        assertThatThrownBy(() -> DrfDateTime.parse("expire_at", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(DrfDateTime.WRONG_FORMAT);
    }

    @Test
    void absentIsNull() {
        assertThat(DrfDateTime.parse("expire_at", null)).isNull();
    }
}
