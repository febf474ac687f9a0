package dev.sharelinks.result;

/** A shareable-link token that was valid once but has expired. */
public class ResultLinkExpiredException extends RuntimeException {

    public ResultLinkExpiredException() {
        super("This shareable link has expired");
    }
}
