package dev.sharelinks.client.grants;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified session grant: proof that one use of a share link was counted.
 *
 * @param sessionId the session the use started (the grant's {@code jti}); use it to accept each grant once
 * @param linkType  {@code LINK}, {@code PLAYER_EMBED} or {@code ORB_EMBED}
 * @param origin    the page that embedded the link, or null
 * @param use       this use's number, 1 up to the link's limit
 */
public record SessionGrant(
        UUID sessionId,
        UUID linkId,
        String linkType,
        UUID personaId,
        String audience,
        String origin,
        int use,
        Instant issuedAt,
        Instant expiresAt) {}
