package dev.sharelinks.sharelink.pages;

import dev.sharelinks.platform.web.PageBrand;

/**
 * The model of {@code share.jte}: what the persona page shows and what its script needs.
 *
 * @param brand              the organisation's brand (when the link's watermark is removed), or null
 * @param mark               the vendor's mark ("Powered by Anam"), or null when the brand is shown
 * @param sdkUrl             the Anam SDK to start the persona with, or null without the Anam hand-off
 * @param allowedOriginsJson the link's allowed origins as a JSON array (where a frame may post its grant)
 * @param usageLimit         the limit, or null for unlimited
 */
public record SharePage(
        String personaName,
        String description,
        String avatarUrl,
        String token,
        boolean framed,
        String usesText,
        String expiryText,
        PageBrand brand,
        String mark,
        String sdkUrl,
        String allowedOriginsJson,
        Integer usageLimit) {}
