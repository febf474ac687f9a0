package dev.sharelinks.sharelink;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.jdbc.JobLock;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for links whose expiry passed every {@code sharelinks.webhooks.expiry-sweep} and announces each once
 * ({@link ShareLinkEvent.Type#EXPIRED}); one instance a period looks ({@link JobLock}), and the conditional update
 * would still let only one announce. Expiries
 * older than {@link #LOOKBACK} when first looked at (all instances were down that long) are not announced.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryAnnouncements implements SchedulingConfigurer {

    static final Duration LOOKBACK = Duration.ofDays(1);

    private final ShareLinkService shareLinks;
    private final MillisecondClock clock;
    private final Duration interval;
    private final JobLock jobs;

    ExpiryAnnouncements(
            ShareLinkService shareLinks, MillisecondClock clock, ShareLinksProperties properties, JobLock jobs) {
        this.shareLinks = shareLinks;
        this.jobs = jobs;
        this.clock = clock;
        this.interval = properties.webhooks().expirySweep();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        jobs.schedule(
                registrar,
                "expiry-sweep",
                interval,
                () -> shareLinks.announceExpired(clock.now().minus(LOOKBACK)));
    }
}
