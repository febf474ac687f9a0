/**
 * The Anam AI share-link API ({@code specs/anam/share-links.yaml}): the generated interface's delegate, the wire
 * mapping, and the vendor's request values (hours, limits and their defaults). Other rooms show a link in the
 * vendor's words through {@link dev.sharelinks.sharelink.anam.AnamShareLinkView}.
 */
@org.springframework.modulith.NamedInterface("anam")
package dev.sharelinks.sharelink.anam;
