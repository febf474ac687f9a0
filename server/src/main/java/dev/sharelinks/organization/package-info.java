/**
 * Organisations: their plans and custom domains, API keys (kept as hashes) and personas; the demo organisation of
 * a first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package dev.sharelinks.organization;
