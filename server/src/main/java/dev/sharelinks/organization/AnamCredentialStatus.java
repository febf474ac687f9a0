package dev.sharelinks.organization;

import java.time.Instant;

/** What may be said of an organisation's Anam credential: whether it is set, where it points, since when. */
public record AnamCredentialStatus(boolean configured, String baseUrl, Instant updatedAt) {}
