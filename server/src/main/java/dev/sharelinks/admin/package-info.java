/**
 * The operator API ({@code specs/sharelinks/admin.yaml}, admin token): organisations, keys, personas, stored
 * results and the audit trail, one generated interface over the rooms that keep them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator API")
package dev.sharelinks.admin;
