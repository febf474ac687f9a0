package dev.sharelinks.result;

import java.time.Instant;

/**
 * A freshly made shareable-result token; the token exists only here, the database keeps its hash.
 *
 * @param customDomain the organisation's whitelabel domain, or null
 */
public record ResultShareLink(long resultId, String token, Instant expireAt, String customDomain) {}
