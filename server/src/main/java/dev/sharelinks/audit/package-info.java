/**
 * The audit trail: every change to an organisation, key, persona, link or result, recorded in the transaction of
 * the change, with who made it; read through the operator API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package dev.sharelinks.audit;
