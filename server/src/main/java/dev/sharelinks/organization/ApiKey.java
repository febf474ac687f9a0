package dev.sharelinks.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's API key; the secret itself is never stored, only its hash.
 *
 * @param lastUsedAt when it last authenticated a request, to the minute, or null
 * @param revokedAt  when it was revoked, or null while it works
 */
public record ApiKey(
        UUID id, UUID organizationId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiKey(UUID id, UUID organizationId, String name, Instant createdAt) {
        this(id, organizationId, name, createdAt, null, null);
    }
}
