package dev.sharelinks.domain;

public enum LinkType {
    LINK,
    PLAYER_EMBED,
    ORB_EMBED
}
