package dev.sharelinks.platform.web;

/**
 * The brand a page carries in its header instead of a vendor's mark.
 *
 * @param logoSrc     the logo's URL (this server's, or the organisation's https URL), or null
 * @param themeHref   a stylesheet of this server with the brand's accent colour, or null
 * @param imageOrigin the origin the page's CSP must allow images from (an external logo), or null
 */
public record PageBrand(String name, String logoSrc, String themeHref, String imageOrigin) {}
