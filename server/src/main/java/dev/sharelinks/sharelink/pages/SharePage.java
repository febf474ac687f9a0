package dev.sharelinks.sharelink.pages;

/**
 * The model of {@code share.jte}: what the persona page shows and what its script needs.
 *
 * @param sdkUrl             the Anam SDK to start the persona with, or null without the Anam hand-off
 * @param allowedOriginsJson the link's allowed origins as a JSON array (where a frame may post its grant)
 * @param usageLimit         the limit, or null for unlimited
 */
public record SharePage(
        String personaName,
        String token,
        boolean framed,
        String usesText,
        String expiryText,
        boolean watermark,
        String sdkUrl,
        String allowedOriginsJson,
        Integer usageLimit) {}
