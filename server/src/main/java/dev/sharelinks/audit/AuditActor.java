package dev.sharelinks.audit;

import java.util.UUID;

/**
 * Who made a change: an organisation's API key (by id, never its secret), the operator, or the service itself
 * (retention purges).
 */
public record AuditActor(Type type, UUID id) {

    public enum Type {
        API_KEY,
        ADMIN,
        SYSTEM
    }

    public static final AuditActor ADMIN = new AuditActor(Type.ADMIN, null);
    public static final AuditActor SYSTEM = new AuditActor(Type.SYSTEM, null);

    public static AuditActor apiKey(UUID keyId) {
        return new AuditActor(Type.API_KEY, keyId);
    }
}
