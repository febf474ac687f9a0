/**
 * The public API ({@code specs/sharelinks/public.yaml}) a token holder calls: a link's status and a counted
 * session; 410 with the reason when a link no longer opens.
 */
package dev.sharelinks.sharelink.publicapi;
