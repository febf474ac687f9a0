package dev.sharelinks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rules for lifetimes and limits, without a database. */
class ShareLinkServiceTests {

    @Test
    void lifetimeAcceptsFractionsUpToTenYears() {
        assertThat(ShareLinkService.lifetime(new BigDecimal("0.5"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(ShareLinkService.lifetime(new BigDecimal("87600"))).isEqualTo(Duration.ofHours(87_600));
        assertThatThrownBy(() -> ShareLinkService.lifetime(new BigDecimal("87600.001")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ShareLinkService.lifetime(BigDecimal.ZERO)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void usageLimitMustBeAWholePositiveNumber() {
        assertThat(ShareLinkService.usageLimit(new BigDecimal("10.000"))).isEqualTo(10);
        assertThat(ShareLinkService.usageLimit(new BigDecimal("1E+3"))).isEqualTo(1000);
        for (String bad : new String[] {"0", "-1", "1.5", "1000000001", "1E+30"}) {
            assertThatThrownBy(() -> ShareLinkService.usageLimit(new BigDecimal(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("usageLimit");
        }
    }

    @Test
    void pagesKnowTheirNeighbours() {
        var middle = new Page<>(java.util.List.of(), 45, 2, 20);
        assertThat(middle.lastPage()).isEqualTo(3);
        assertThat(middle.previous()).isEqualTo(1);
        assertThat(middle.next()).isEqualTo(3);
        var empty = new Page<>(java.util.List.of(), 0, 1, 20);
        assertThat(empty.lastPage()).isEqualTo(1);
        assertThat(empty.previous()).isNull();
        assertThat(empty.next()).isNull();
    }
}
