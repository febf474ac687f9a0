/**
 * The Anam AI share-link API ({@code specs/anam/share-links.yaml}): the generated interface's delegate, the wire
 * mapping, and the vendor's request values (hours, limits and their defaults).
 */
package dev.sharelinks.sharelink.anam;
