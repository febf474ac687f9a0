package dev.sharelinks.sharelink;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a link, published in the transaction of the change (listeners that must commit with
 * it, such as the webhook outbox, write there; a rolled-back change publishes nothing that survives).
 *
 * @param link    the link after the change; for {@link Type#DELETED}, as it was before
 * @param session the counted use, for {@link Type#SESSION_STARTED}, {@link Type#EXHAUSTED} and
 *                {@link Type#USE_GIVEN_BACK}; otherwise null
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
        EXPIRED,
        /** A counted use led nowhere (its hand-off failed) and was given back: it no longer counts. */
        USE_GIVEN_BACK
    }

    /**
     * @param use     the link's usage count with this use
     * @param origin  the embedding page's origin, or null for a direct link
     * @param visitor what the request said about its sender
     */
    public record Session(UUID sessionId, int use, String origin, Visitor visitor) {}

    static ShareLinkEvent of(Type type, ShareLink link, Instant at) {
        return new ShareLinkEvent(type, link, at, null);
    }
}
