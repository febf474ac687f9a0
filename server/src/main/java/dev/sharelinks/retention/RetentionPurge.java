package dev.sharelinks.retention;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.usage.UseLog;
import dev.sharelinks.webhook.DeliveryLog;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Purges what ended longer ago than {@code sharelinks.retention.period}: share links that expired or were used
 * up (their last use) before then, and Cekura tokens that expired before then; and uses older than
 * {@code sharelinks.retention.use-log-period} from the use log. Until then owners still read
 * ended links with their counts. Every purged link is recorded in the audit trail, by the service.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    public record Purged(int shareLinks, int resultTokens, int webhookDeliveries, int uses) {}

    private final ShareLinkService shareLinks;
    private final ResultService results;
    private final DeliveryLog webhookDeliveries;
    private final UseLog useLog;
    private final Duration period;
    private final Duration useLogPeriod;
    private final MillisecondClock clock;

    RetentionPurge(
            ShareLinkService shareLinks,
            ResultService results,
            DeliveryLog webhookDeliveries,
            UseLog useLog,
            ShareLinksProperties properties,
            MillisecondClock clock) {
        this.shareLinks = shareLinks;
        this.results = results;
        this.webhookDeliveries = webhookDeliveries;
        this.useLog = useLog;
        this.period = properties.retention().period();
        this.useLogPeriod = properties.retention().useLogPeriod();
        this.clock = clock;
    }

    public Purged purge() {
        Instant cutoff = clock.now().minus(period);
        int purgedLinks = shareLinks.purgeEndedBefore(cutoff);
        int purgedTokens = results.purgeTokensExpiredBefore(cutoff);
        int purgedDeliveries = webhookDeliveries.purgeSettledBefore(cutoff);
        Instant usesCutoff = clock.now().minus(useLogPeriod);
        int purgedUses = useLog.purgeBefore(usesCutoff);
        if (purgedLinks + purgedTokens + purgedDeliveries > 0) {
            log.info(
                    "Retention purge: {} share links, {} Cekura tokens and {} settled webhook deliveries that ended"
                            + " before {}",
                    purgedLinks,
                    purgedTokens,
                    purgedDeliveries,
                    cutoff);
        }
        if (purgedUses > 0) {
            log.info("Retention purge: {} uses from the use log made before {}", purgedUses, usesCutoff);
        }
        return new Purged(purgedLinks, purgedTokens, purgedDeliveries, purgedUses);
    }
}
