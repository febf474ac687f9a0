/**
 * Cekura test results: stored by the operator, read by their organisation, shared through time-limited tokens
 * (kept as hashes); the Cekura API ({@code cekura}) and the page a shared result opens ({@code report}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results")
package dev.sharelinks.result;
