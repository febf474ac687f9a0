package dev.sharelinks.sharelink.handoff;

import java.time.Instant;

/** A key that signs (or signed) session grants, as the operator may see it: never its private part. */
public record SigningKey(String kid, Instant createdAt, Instant retiredAt, Status status) {

    public enum Status {
        CURRENT,
        RETIRED,
        EXPIRED
    }
}
