package dev.sharelinks.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Domain instants as the generated wire models carry them: UTC offsets (null stays null). */
public final class WireTime {

    private WireTime() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
