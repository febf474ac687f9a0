package dev.sharelinks.result;

import java.time.Instant;
import java.util.UUID;

/**
 * A shareable result link was made, or a shared result was read with its token. {@link Type#CREATED} is published
 * in the transaction that stores the token; {@link Type#OPENED} after the read (a read changes nothing).
 *
 * @param expireAt when the token stops opening the result
 */
public record ResultLinkEvent(Type type, UUID organizationId, long resultId, Instant expireAt, Instant occurredAt) {

    public enum Type {
        CREATED,
        OPENED
    }
}
