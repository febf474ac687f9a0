package dev.sharelinks.platform;

/** The request clashes with what another organisation owns. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
