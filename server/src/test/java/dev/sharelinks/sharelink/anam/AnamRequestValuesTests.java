package dev.sharelinks.sharelink.anam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Anam API's numbers for lifetimes and limits, without a database. */
class AnamRequestValuesTests {

    @Test
    void lifetimeAcceptsFractionsUpToTenYears() {
        assertThat(AnamRequestValues.lifetime(new BigDecimal("0.5"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(AnamRequestValues.lifetime(new BigDecimal("87600"))).isEqualTo(Duration.ofHours(87_600));
        assertThat(AnamRequestValues.lifetime(new BigDecimal("0.0000000001"))).isEqualTo(Duration.ofMillis(1));
        for (String bad : new String[] {"87600.001", "0", "-1"}) {
            assertThatThrownBy(() -> AnamRequestValues.lifetime(new BigDecimal(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("expiresInHours");
        }
    }

    @Test
    void usageLimitMustBeAWholePositiveNumber() {
        assertThat(AnamRequestValues.usageLimit(new BigDecimal("10.000"))).isEqualTo(10);
        assertThat(AnamRequestValues.usageLimit(new BigDecimal("1E+3"))).isEqualTo(1000);
        for (String bad : new String[] {"0", "-1", "1.5", "1000000001", "1E+30"}) {
            assertThatThrownBy(() -> AnamRequestValues.usageLimit(new BigDecimal(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("usageLimit");
        }
    }
}
