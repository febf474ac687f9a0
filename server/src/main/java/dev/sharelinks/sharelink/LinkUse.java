package dev.sharelinks.sharelink;

import java.util.UUID;

/** A use of a share link that was counted: the session it started and the link as it is afterwards. */
public record LinkUse(UUID sessionId, ShareLink link) {}
