package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.sharelink.LinkUnavailableException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Why a link does not open, what it has left, and who may embed it: the rules, without a database. */
class ShareLinkRulesTests {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aLinkOpensUntilTheMillisecondItExpires() {
        assertThat(PublicShareLinks.unusable(link(true, NOW.plusMillis(1), 10, 0), NOW))
                .isNull();
        assertThat(PublicShareLinks.unusable(link(true, NOW, 10, 0), NOW)).isEqualTo(Reason.EXPIRED);
        assertThat(PublicShareLinks.unusable(link(true, null, 10, 0), NOW))
                .as("never expires")
                .isNull();
    }

    @Test
    void aLinkIsUsedUpWhenItsCountReachesItsLimit() {
        assertThat(PublicShareLinks.unusable(link(true, null, 3, 2), NOW)).isNull();
        assertThat(PublicShareLinks.unusable(link(true, null, 3, 3), NOW)).isEqualTo(Reason.EXHAUSTED);
        // a limit lowered below the count: used up, never negative uses left
        assertThat(PublicShareLinks.unusable(link(true, null, 2, 5), NOW)).isEqualTo(Reason.EXHAUSTED);
        assertThat(PublicShareLinks.remainingUses(link(true, null, 2, 5))).isZero();
        assertThat(PublicShareLinks.remainingUses(link(true, null, 10, 4))).isEqualTo(6);
        assertThat(PublicShareLinks.remainingUses(link(true, null, null, 4)))
                .as("unlimited")
                .isNull();
    }

    @Test
    void disabledWinsOverExpiredWinsOverUsedUp() {
        assertThat(PublicShareLinks.unusable(link(false, NOW.minusSeconds(1), 1, 1), NOW))
                .isEqualTo(Reason.DISABLED);
        assertThat(PublicShareLinks.unusable(link(true, NOW.minusSeconds(1), 1, 1), NOW))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void embedsOpenOnlyForTheirOriginsAndDirectLinksForAnyone() {
        ShareLink embed = new ShareLink(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "P",
                "sh_x",
                LinkType.PLAYER_EMBED,
                null,
                null,
                0,
                List.of("https://shop.example"),
                false,
                false,
                true,
                false,
                NOW,
                null);
        assertThat(PublicShareLinks.originAllowed(embed, "https://shop.example"))
                .isTrue();
        assertThat(PublicShareLinks.originAllowed(embed, "https://evil.example"))
                .isFalse();
        assertThat(PublicShareLinks.originAllowed(embed, null))
                .as("no Origin: not a browser")
                .isTrue();
        ShareLink direct = link(true, null, null, 0);
        assertThat(PublicShareLinks.originAllowed(direct, "https://evil.example"))
                .isTrue();
    }

    private static ShareLink link(boolean enabled, Instant expiresAt, Integer limit, int count) {
        return new ShareLink(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Persona",
                "sh_token",
                LinkType.LINK,
                expiresAt,
                limit,
                count,
                List.of(),
                false,
                false,
                enabled,
                false,
                NOW,
                null);
    }
}
