/** The usage API (the Usage tag of {@code specs/sharelinks/owner.yaml}): counts over time, QR codes. */
package dev.sharelinks.usage.web;
