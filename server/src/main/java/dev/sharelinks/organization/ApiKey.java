package dev.sharelinks.organization;

import java.time.Instant;
import java.util.UUID;

/** An organisation's API key; the secret itself is never stored, only its hash. */
public record ApiKey(UUID id, UUID organizationId, String name, Instant createdAt) {}
