package dev.sharelinks.sharelink;

import java.util.Locale;

/** The link exists but no longer opens. Each surface says so in its vendor's way (410 or 403). */
public class LinkUnavailableException extends RuntimeException {

    public enum Reason {
        EXPIRED,
        EXHAUSTED,
        DISABLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public LinkUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
