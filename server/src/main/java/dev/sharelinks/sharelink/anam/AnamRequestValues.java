package dev.sharelinks.sharelink.anam;

import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.sharelink.ShareLinkService;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The Anam API's request numbers in domain terms: {@code expiresInHours} (a number, fractions allowed) as a
 * lifetime, {@code usageLimit} (a number that must be whole) as a count, with the vendor's defaults.
 */
final class AnamRequestValues {

    /** The vendor's defaults for a new link: one week, ten uses. */
    static final BigDecimal DEFAULT_EXPIRES_IN_HOURS = BigDecimal.valueOf(168);

    static final int DEFAULT_USAGE_LIMIT = 10;

    private static final BigDecimal MAX_EXPIRES_IN_HOURS = BigDecimal.valueOf(ShareLinkService.MAX_LIFETIME.toHours());
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    private AnamRequestValues() {}

    /** Greater than 0 and at most 87600 hours (ten years); below a millisecond counts as one. */
    static Duration lifetime(BigDecimal hours) {
        if (hours.signum() <= 0 || hours.compareTo(MAX_EXPIRES_IN_HOURS) > 0) {
            throw new InvalidInputException(
                    "expiresInHours",
                    "expiresInHours must be greater than 0 and at most " + MAX_EXPIRES_IN_HOURS.toPlainString());
        }
        long millis = hours.multiply(MILLIS_PER_HOUR).longValue();
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** A whole number from 1 to 1,000,000,000 ({@code 10.0} and {@code 1E+3} are whole). */
    static int usageLimit(BigDecimal limit) {
        BigDecimal whole = limit.stripTrailingZeros();
        if (whole.scale() > 0
                || whole.signum() <= 0
                || whole.compareTo(BigDecimal.valueOf(ShareLinkService.MAX_USAGE_LIMIT)) > 0) {
            throw new InvalidInputException(
                    "usageLimit", "usageLimit must be a whole number from 1 to " + ShareLinkService.MAX_USAGE_LIMIT);
        }
        return whole.intValueExact();
    }
}
