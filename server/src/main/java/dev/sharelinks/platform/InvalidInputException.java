package dev.sharelinks.platform;

/** A value the caller sent breaks a rule; {@code field} names it in the caller's terms. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
