package dev.sharelinks.platform;

/** The caller is known but its organisation's plan does not allow this. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
