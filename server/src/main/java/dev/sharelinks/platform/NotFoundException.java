package dev.sharelinks.platform;

/** The thing does not exist, or belongs to another organisation: callers cannot tell which. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
