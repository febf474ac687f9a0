package dev.sharelinks.client.grants;

/** The text is not a grant this service issued for this audience, or no longer a valid one. */
public class InvalidGrantException extends Exception {

    InvalidGrantException(String message, Throwable cause) {
        super(message, cause);
    }
}
