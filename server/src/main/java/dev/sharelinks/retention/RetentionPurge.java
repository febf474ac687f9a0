package dev.sharelinks.retention;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.webhook.DeliveryLog;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Purges what ended longer ago than {@code sharelinks.retention.period}: share links that expired or were used
 * up (their last use) before then, and Cekura tokens that expired before then. Until then owners still read
 * ended links with their counts. Every purged link is recorded in the audit trail, by the service.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    public record Purged(int shareLinks, int resultTokens, int webhookDeliveries) {}

    private final ShareLinkService shareLinks;
    private final ResultService results;
    private final DeliveryLog webhookDeliveries;
    private final Duration period;
    private final MillisecondClock clock;

    RetentionPurge(
            ShareLinkService shareLinks,
            ResultService results,
            DeliveryLog webhookDeliveries,
            ShareLinksProperties properties,
            MillisecondClock clock) {
        this.shareLinks = shareLinks;
        this.results = results;
        this.webhookDeliveries = webhookDeliveries;
        this.period = properties.retention().period();
        this.clock = clock;
    }

    public Purged purge() {
        Instant cutoff = clock.now().minus(period);
        int purgedLinks = shareLinks.purgeEndedBefore(cutoff);
        int purgedTokens = results.purgeTokensExpiredBefore(cutoff);
        int purgedDeliveries = webhookDeliveries.purgeSettledBefore(cutoff);
        if (purgedLinks + purgedTokens + purgedDeliveries > 0) {
            log.info(
                    "Retention purge: {} share links, {} Cekura tokens and {} settled webhook deliveries that ended"
                            + " before {}",
                    purgedLinks,
                    purgedTokens,
                    purgedDeliveries,
                    cutoff);
        }
        return new Purged(purgedLinks, purgedTokens, purgedDeliveries);
    }
}
