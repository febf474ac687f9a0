/**
 * Who is calling: one Spring Security filter chain per kind of caller (the operator's admin token, organisations'
 * API keys, everyone else), the per-client rate limits, and the client's address behind trusted proxies.
 */
@org.springframework.modulith.NamedInterface("security")
package dev.sharelinks.platform.security;
