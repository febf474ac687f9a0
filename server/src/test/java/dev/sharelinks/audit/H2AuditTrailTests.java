package dev.sharelinks.audit;

/** The audit trail on the embedded default database. */
class H2AuditTrailTests extends AuditTrailTests {}
