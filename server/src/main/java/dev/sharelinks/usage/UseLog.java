package dev.sharelinks.usage;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.jdbc.BeforeCommitBatch;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkEvent;
import java.net.URI;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each counted use to the use log in the claim's own transaction (the event is published inside it): a use
 * that rolls back leaves no row, a committed one cannot lose its row. A use given back takes its row with it.
 */
@Component
public class UseLog {

    private final UseLogRepository uses;
    private final UserAgents agents;
    private final boolean enabled;
    // a batch of claims is one transaction: its uses are written together, just before it commits
    private final BeforeCommitBatch<UseLogRepository.Use> pending;

    UseLog(UseLogRepository uses, UserAgents agents, ShareLinksProperties properties) {
        this.uses = uses;
        this.agents = agents;
        this.pending = new BeforeCommitBatch<>(uses::insert);
        this.enabled = properties.useLog().enabled();
    }

    @EventListener
    void on(ShareLinkEvent event) {
        if (!enabled) {
            return;
        }
        switch (event.type()) {
            case SESSION_STARTED -> record(event.link(), event.session(), event.occurredAt());
            case USE_GIVEN_BACK -> uses.delete(event.session().sessionId());
            default -> {
                // other events are not uses
            }
        }
    }

    private void record(ShareLink link, ShareLinkEvent.Session session, Instant at) {
        UserAgents.Agent agent = agents.of(session.visitor().userAgent());
        pending.add(new UseLogRepository.Use(
                session.sessionId(),
                link.organizationId(),
                link.id(),
                link.personaId(),
                at,
                hostOf(session.origin()),
                session.visitor().referrerHost(),
                agent.family(),
                agent.bot()));
    }

    /** Removes uses older than {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return uses.deleteBefore(cutoff);
    }

    private static String hostOf(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            return URI.create(origin).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
