package dev.sharelinks.webhook;

import dev.sharelinks.result.ResultLinkEvent;
import dev.sharelinks.sharelink.ShareLinkEvent;
import java.util.Arrays;
import java.util.Optional;

/** The event types an endpoint can subscribe to, by their wire names. */
public enum EventType {
    SHARE_LINK_CREATED("share_link.created"),
    SHARE_LINK_UPDATED("share_link.updated"),
    SHARE_LINK_DELETED("share_link.deleted"),
    SHARE_LINK_TOKEN_ROTATED("share_link.token_rotated"),
    SHARE_LINK_SESSION_STARTED("share_link.session_started"),
    SHARE_LINK_EXHAUSTED("share_link.exhausted"),
    SHARE_LINK_EXPIRED("share_link.expired"),
    RESULT_LINK_CREATED("result_link.created"),
    RESULT_LINK_OPENED("result_link.opened");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The event a link's change is announced as; none for what is not announced (a use given back). */
    static Optional<EventType> of(ShareLinkEvent.Type type) {
        String name = "SHARE_LINK_" + type.name();
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    static EventType of(ResultLinkEvent.Type type) {
        return valueOf("RESULT_LINK_" + type.name());
    }
}
