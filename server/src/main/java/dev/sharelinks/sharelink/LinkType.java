package dev.sharelinks.sharelink;

public enum LinkType {
    LINK,
    PLAYER_EMBED,
    ORB_EMBED
}
