package dev.sharelinks.platform.security;

import java.util.UUID;

/** Who is calling: an API key of one organisation. */
public record ApiKeyPrincipal(UUID apiKeyId, UUID organizationId) {}
