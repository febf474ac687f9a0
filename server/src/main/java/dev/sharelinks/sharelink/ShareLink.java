package dev.sharelinks.sharelink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An Anam share link as stored.
 *
 * @param expiresAt  null: never expires
 * @param usageLimit null: unlimited
 */
public record ShareLink(
        UUID id,
        UUID organizationId,
        UUID personaId,
        String personaName,
        String token,
        LinkType type,
        Instant expiresAt,
        Integer usageLimit,
        int usageCount,
        List<String> allowedOrigins,
        boolean allowAllOrigins,
        boolean removeWatermark,
        boolean enabled,
        boolean primary,
        Instant createdAt,
        Instant lastUsedAt) {

    /** The same link, showing its persona under this name. */
    ShareLink named(String personaName) {
        return with(personaName, usageCount, lastUsedAt);
    }

    /** The link as the use with this number left it. */
    ShareLink counted(int usageCount, Instant usedAt) {
        return with(personaName, usageCount, usedAt);
    }

    private ShareLink with(String personaName, int usageCount, Instant lastUsedAt) {
        return new ShareLink(
                id,
                organizationId,
                personaId,
                personaName,
                token,
                type,
                expiresAt,
                usageLimit,
                usageCount,
                allowedOrigins,
                allowAllOrigins,
                removeWatermark,
                enabled,
                primary,
                createdAt,
                lastUsedAt);
    }
}
