/** The owner API ({@code specs/sharelinks/owner.yaml}): settings the Anam API cannot change, token rotation. */
package dev.sharelinks.sharelink.owner;
