package dev.sharelinks.sharelink;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a link, published in the transaction of the change (listeners that must commit with
 * it, such as the webhook outbox, write there; a rolled-back change publishes nothing that survives).
 *
 * @param link    the link after the change; for {@link Type#DELETED}, as it was before
 * @param session the counted use, for {@link Type#SESSION_STARTED} and {@link Type#EXHAUSTED}; otherwise null
 */
public record ShareLinkEvent(Type type, ShareLink link, Instant occurredAt, Session session) {

    public enum Type {
        CREATED,
        UPDATED,
        DELETED,
        TOKEN_ROTATED,
        SESSION_STARTED,
        /** The use that reached the link's limit was counted (published beside its SESSION_STARTED). */
        EXHAUSTED,
        /** The link's expiry passed; found by a sweep, once per link and expiry. */
        EXPIRED
    }

    /**
     * @param use    the link's usage count with this use
     * @param origin the embedding page's origin, or null for a direct link
     */
    public record Session(UUID sessionId, int use, String origin) {}

    static ShareLinkEvent of(Type type, ShareLink link, Instant at) {
        return new ShareLinkEvent(type, link, at, null);
    }
}
