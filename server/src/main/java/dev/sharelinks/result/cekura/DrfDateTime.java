package dev.sharelinks.result.cekura;

import dev.sharelinks.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date-time field as Django REST Framework reads it: ISO 8601 with a {@code T} or a space between date and time
 * (Django's parser takes both), UTC when it has no offset.
 */
final class DrfDateTime {

    static final String WRONG_FORMAT = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

    private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (?=\\d)");

    private DrfDateTime() {}

    /**
     * @param text as the caller sent it; null: not given (an empty form field arrives as null too); "" in JSON is
     *             a date-time in the wrong format, as DRF says
     */
    static Instant parse(String field, String text) {
        if (text == null) {
            return null;
        }
        String iso = SPACE_SEPARATED.matcher(text.strip()).replaceFirst("$1T");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, WRONG_FORMAT);
            }
        }
    }
}
