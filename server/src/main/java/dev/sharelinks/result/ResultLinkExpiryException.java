package dev.sharelinks.result;

/** A requested expiry for a shareable link that the rules do not allow. */
public class ResultLinkExpiryException extends RuntimeException {

    public enum Reason {
        NOT_IN_THE_FUTURE,
        TOO_FAR_AHEAD
    }

    private final Reason reason;

    public ResultLinkExpiryException(Reason reason) {
        super("Expiry not allowed: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
