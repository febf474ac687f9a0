package dev.sharelinks.webhook;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When a delivery is attempted: {@code sharelinks.webhooks.retry-schedule} (Standard Webhooks: at once, 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h), each delay varied by up to {@code jitter} either way so that the
 * retries of many failed deliveries do not arrive together; a receiver's Retry-After (on 429 and 503) replaces the
 * delay, up to {@link #LONGEST_RETRY_AFTER}.
 */
@Component
class RetrySchedule {

    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> delays;
    private final double jitter;

    RetrySchedule(ShareLinksProperties properties) {
        this.delays = List.copyOf(properties.webhooks().retrySchedule());
        this.jitter = properties.webhooks().jitter();
    }

    int attempts() {
        return delays.size();
    }

    /** When the first attempt of a new event is due. */
    Instant first(Instant now) {
        return now.plus(jittered(delays.get(0)));
    }

    /**
     * When the next attempt is due after the round's {@code made}-th attempt failed, or empty when that was the last
     * one.
     *
     * @param retryAfter the receiver's Retry-After header, or null
     */
    Optional<Instant> next(int made, Instant now, String retryAfter) {
        if (made >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = retryAfter(retryAfter, now).orElseGet(() -> jittered(delays.get(made)));
        return Optional.of(now.plus(delay));
    }

    private Duration jittered(Duration delay) {
        if (delay.isZero() || jitter == 0) {
            return delay;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    /** Retry-After as seconds or an HTTP date, at most 24 hours; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Duration delay;
        try {
            delay = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                delay = Duration.between(
                        now,
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(delay.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : delay);
    }
}
