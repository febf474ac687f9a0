package dev.sharelinks.sharelink;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for links whose expiry passed every {@code sharelinks.webhooks.expiry-sweep} and announces each once
 * ({@link ShareLinkEvent.Type#EXPIRED}); every instance looks, the conditional update lets one announce. Expiries
 * older than {@link #LOOKBACK} when first looked at (all instances were down that long) are not announced.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryAnnouncements implements SchedulingConfigurer {

    static final Duration LOOKBACK = Duration.ofDays(1);

    private final ShareLinkService shareLinks;
    private final MillisecondClock clock;
    private final Duration interval;

    ExpiryAnnouncements(ShareLinkService shareLinks, MillisecondClock clock, ShareLinksProperties properties) {
        this.shareLinks = shareLinks;
        this.clock = clock;
        this.interval = properties.webhooks().expirySweep();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(() -> shareLinks.announceExpired(clock.now().minus(LOOKBACK)), interval, interval));
    }
}
