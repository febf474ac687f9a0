/**
 * Shared plumbing the features stand on: errors and their shapes, request filters, the security chains and rate
 * limits, configuration, the clock, secrets and database helpers. It imports no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.sharelinks.platform;
