package dev.sharelinks.sharelink;

import java.time.Instant;
import java.util.List;

/**
 * A change to one link, in domain terms: null fields stay unchanged. The repository turns it into one UPDATE of just
 * those columns, so a concurrent claim's count is never overwritten.
 *
 * @param primary true: the persona's primary link; false: not (any more)
 */
record ShareLinkChange(
        Instant expiresAt,
        Integer usageLimit,
        Boolean enabled,
        LinkType type,
        List<String> allowedOrigins,
        Boolean allowAllOrigins,
        Boolean removeWatermark,
        Boolean primary,
        String token) {

    static ShareLinkChange lifetime(Instant expiresAt, Integer usageLimit) {
        return new ShareLinkChange(expiresAt, usageLimit, null, null, null, null, null, null, null);
    }

    /** @param allowedOrigins already normalised, or null */
    static ShareLinkChange settings(LinkSettings settings, List<String> allowedOrigins) {
        return new ShareLinkChange(
                null,
                null,
                settings.enabled(),
                settings.type(),
                allowedOrigins,
                settings.allowAllOrigins(),
                settings.removeWatermark(),
                settings.primary(),
                null);
    }

    static ShareLinkChange token(String token) {
        return new ShareLinkChange(null, null, null, null, null, null, null, null, token);
    }
}
