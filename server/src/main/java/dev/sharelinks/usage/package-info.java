/**
 * Usage: the use log (one row per counted use, written in the claim's own transaction) and what it answers: counts
 * per hour or day in any time zone, top origins, referrers and browser families; and QR codes of a link's public
 * URL. The API ({@code web}) is the Usage part of {@code specs/sharelinks/owner.yaml}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage")
package dev.sharelinks.usage;
