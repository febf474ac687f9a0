package dev.sharelinks.audit;

/** Tells the audit trail who is making the current change; the security layer knows. */
@FunctionalInterface
public interface CurrentActor {

    AuditActor get();
}
