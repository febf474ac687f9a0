package dev.sharelinks.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit trail (null: any) and a keyset page: events with ids below {@code beforeId}. */
public record AuditQuery(
        UUID organizationId,
        AuditEvent.TargetType targetType,
        String targetId,
        String action,
        AuditActor.Type actorType,
        UUID actorId,
        Instant since,
        Instant until,
        Long beforeId,
        int limit) {}
