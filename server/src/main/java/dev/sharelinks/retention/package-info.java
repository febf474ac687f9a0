/**
 * Retention: what ended longer ago than {@code sharelinks.retention.period} is purged on a schedule, by the rooms
 * that keep it (share links, result tokens).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package dev.sharelinks.retention;
