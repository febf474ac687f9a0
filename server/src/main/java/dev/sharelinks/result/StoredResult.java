package dev.sharelinks.result;

import java.time.Instant;
import java.util.UUID;

/** A Cekura test result: its JSON document is kept as text, exactly as stored. */
public record StoredResult(long id, UUID organizationId, String document, Instant createdAt, Instant updatedAt) {}
