package dev.sharelinks.sharelink;

import java.util.List;

/** A change to what the vendor API cannot set. Null fields stay unchanged. */
public record LinkSettings(
        Boolean enabled,
        LinkType type,
        List<String> allowedOrigins,
        Boolean allowAllOrigins,
        Boolean removeWatermark,
        Boolean primary) {}
