/**
 * The operator console at {@code /console}: sign in with the admin token (a form, a session with an idle timeout,
 * CSRF-protected actions, sign-out), then organisations and their keys, personas, links (state, uses, QR code) and
 * results; revoke a key, disable or enable a link, rotate its token; a link's and a persona's uses over time.
 * Server-rendered with the public pages' JTE, under a strict CSP (this server's scripts and styles only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator console")
package dev.sharelinks.console;
