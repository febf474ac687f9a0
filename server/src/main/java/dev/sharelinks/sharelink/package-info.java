/**
 * Anam share links: issuing and managing them, what a token holder can do (status, a counted use), and their
 * edges: the Anam API ({@code anam}), the owner API ({@code owner}), the public API ({@code publicapi}) and the
 * pages a link opens ({@code pages}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Share links")
package dev.sharelinks.sharelink;
