package dev.sharelinks.sharelink.handoff;

import dev.sharelinks.sharelink.LinkUse;

/**
 * A counted use, handed on.
 *
 * @param grant            the signed proof of this one use
 * @param launchUrl        where the platform wants the visitor to go, or null
 * @param anamSessionToken the token for Anam's JS SDK, or null without the Anam hand-off
 */
public record HandedOn(LinkUse use, String grant, String launchUrl, String anamSessionToken) {

    @Override
    public String toString() {
        return "HandedOn[session=" + use.sessionId() + "]";
    }
}
