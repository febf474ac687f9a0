package dev.sharelinks.domain;

import dev.sharelinks.config.ShareLinksProperties;
import dev.sharelinks.domain.AuditEvent.TargetType;
import dev.sharelinks.persistence.ResultShareTokenRepository;
import dev.sharelinks.persistence.ShareLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges what ended longer ago than {@code sharelinks.retention.period}: share links that expired or were used
 * up (their last use) before then, and Cekura tokens that expired before then. Until then owners still read
 * ended links with their counts. Every purged link is recorded in the audit trail, by the service.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    public record Purged(int shareLinks, int resultTokens) {}

    private final ShareLinkRepository links;
    private final ResultShareTokenRepository resultTokens;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Duration period;
    private final Clock clock;

    public RetentionPurge(
            ShareLinkRepository links,
            ResultShareTokenRepository resultTokens,
            AuditTrail audit,
            TransactionTemplate transaction,
            ShareLinksProperties properties,
            Clock clock) {
        this.links = links;
        this.resultTokens = resultTokens;
        this.audit = audit;
        this.transaction = transaction;
        this.period = properties.retention().period();
        this.clock = clock;
    }

    public Purged purge() {
        Instant cutoff = clock.instant().minus(period);
        int purgedLinks = 0;
        while (true) {
            // one transaction per batch: a long purge never holds locks on many links at once
            Integer batch = transaction.execute(status -> purgeBatch(cutoff));
            purgedLinks += batch;
            if (batch == 0) {
                break;
            }
        }
        int purgedTokens = transaction.execute(status -> resultTokens.deleteExpired(cutoff));
        if (purgedLinks + purgedTokens > 0) {
            log.info(
                    "Retention purge: {} share links and {} Cekura tokens that ended before {}",
                    purgedLinks,
                    purgedTokens,
                    cutoff);
        }
        return new Purged(purgedLinks, purgedTokens);
    }

    private int purgeBatch(Instant cutoff) {
        List<ShareLink> ended = links.findEnded(cutoff, BATCH);
        int purged = 0;
        for (ShareLink link : ended) {
            // the delete checks the condition again: a link renewed since the read is kept
            if (links.deleteEnded(link.id(), cutoff)) {
                audit.record(
                        link.organizationId(),
                        TargetType.SHARE_LINK,
                        link.id(),
                        "share_link.purged",
                        AuditTrail.diff(ShareLinkService.auditView(link), java.util.Map.of()));
                purged++;
            }
        }
        return purged;
    }
}
