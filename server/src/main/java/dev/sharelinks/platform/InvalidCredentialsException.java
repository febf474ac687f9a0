package dev.sharelinks.platform;

/** A credential found only once the request reached the domain (a shareable-link token) is not valid. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException(String message) {
        super(message);
    }
}
