package dev.sharelinks.sharelink;

import java.util.UUID;

/**
 * A use of a share link that was counted: the session it started, the link as it is afterwards, and who asked.
 *
 * @param origin the embedding page's origin, or null for a direct link
 */
public record LinkUse(UUID sessionId, ShareLink link, String origin, Visitor visitor) {

    ShareLinkEvent.Session session() {
        return new ShareLinkEvent.Session(sessionId, link.usageCount(), origin, visitor);
    }
}
