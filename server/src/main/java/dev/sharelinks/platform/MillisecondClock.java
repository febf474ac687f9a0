package dev.sharelinks.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The service's notion of now: the configured {@link Clock} (tests move it) to the millisecond, which is what both
 * databases store and the vendors' timestamps show.
 */
@Component
public class MillisecondClock {

    private final Clock clock;

    public MillisecondClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
