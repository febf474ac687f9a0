package dev.sharelinks.sharelink.handoff;

import java.util.Locale;

/** Anam gave no session token for a counted use; the use was given back. */
public class HandOffFailedException extends RuntimeException {

    public enum Reason {
        VENDOR_NO_PLAN("This persona cannot start right now: its owner's plan does not allow it."),
        VENDOR_BUSY("Too many sessions are running right now. Try again in a minute."),
        VENDOR_NO_CAPACITY("No capacity right now. Try again in a minute."),
        VENDOR_UNAVAILABLE("The persona service did not answer. Try again in a minute.");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What a visitor reads. */
        public String words() {
            return words;
        }
    }

    private final Reason reason;

    HandOffFailedException(Reason reason, String detail) {
        super(reason.words() + " (" + detail + ")");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
