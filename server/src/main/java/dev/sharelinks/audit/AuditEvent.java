package dev.sharelinks.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded change. {@code changes} maps each changed field to its value before and after. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        UUID organizationId,
        AuditActor actor,
        String action,
        TargetType targetType,
        String targetId,
        Map<String, Change> changes) {

    public enum TargetType {
        ORGANIZATION,
        API_KEY,
        PERSONA,
        SHARE_LINK,
        RESULT,
        WEBHOOK_ENDPOINT
    }

    /** A field's value before and after; null where the field did not exist. */
    public record Change(Object from, Object to) {}
}
