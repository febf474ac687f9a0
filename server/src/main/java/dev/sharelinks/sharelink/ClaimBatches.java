package dev.sharelinks.sharelink;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts concurrent claims together. Claims fall into lanes by their token (a link's claims always into the same
 * one). A claim that finds its lane idle is counted at once, on its own request thread, by the single conditional
 * {@code UPDATE ... RETURNING} (one round trip, as without batching). Claims that arrive while their lane is busy
 * wait; when the batch in flight has committed, the first of them counts all that waited, up to
 * {@code max-batch}, in one transaction: the batch's links locked in id order, up to the uses left granted on each
 * by one conditional update per link, each use's events published, then the commit. Only after the commit is any
 * caller answered, so every answered use is durable, and the limit is decided under the row lock as by a claim
 * alone. Visitors pressing Start on the same link at once then cost one row lock and one commit per batch instead
 * of one each; fewer lanes also let claims on different links share commits.
 *
 * <p>No thread of its own: a waiting request thread is handed the next batch (the flat-combining pattern), so an
 * idle service adds no hand-off to a claim. A batch that fails (a deadlock, a lost connection) is counted again
 * claim by claim, so one claim's failure is its own.
 */
@Component
class ClaimBatches {

    private static final Logger log = LoggerFactory.getLogger(ClaimBatches.class);

    /** What the batch decided for one claim: its use, or why it has none. */
    private record Outcome(LinkUse use, RuntimeException refusal) {

        LinkUse get() {
            if (refusal != null) {
                throw refusal;
            }
            return use;
        }
    }

    /** Sent to a waiting claim instead of its outcome: count the next batch, this claim first. */
    private static final Outcome LEAD = new Outcome(null, null);

    /** A claim; its answer is its outcome, or {@link #LEAD}. */
    private record Claim(String token, String origin, Visitor visitor, CompletableFuture<Outcome> answer) {}

    /** Claims waiting for the batch in flight on this lane; {@code busy} while one is. Guarded by the lane. */
    private static final class Lane {
        final ArrayDeque<Claim> waiting = new ArrayDeque<>();
        boolean busy;
    }

    private final ShareLinkRepository links;
    private final TransactionTemplate transaction;
    private final MillisecondClock clock;
    private final ApplicationEventPublisher events;
    private final ShareLinkMetrics metrics;
    private final long windowNanos;
    private final int maxBatch;
    private final Lane[] lanes;

    ClaimBatches(
            ShareLinkRepository links,
            TransactionTemplate transaction,
            MillisecondClock clock,
            ApplicationEventPublisher events,
            ShareLinkMetrics metrics,
            ShareLinksProperties properties) {
        this.links = links;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        ShareLinksProperties.Claims settings = properties.claims();
        this.windowNanos = settings.window().toNanos();
        this.maxBatch = settings.maxBatch();
        this.lanes = new Lane[settings.lanes()];
        Arrays.setAll(lanes, i -> new Lane());
        metrics.claimsWaiting(this::waiting);
    }

    /**
     * Counts one use of the link with this token, with whatever other claims are waiting; returns after the
     * commit that counted it.
     *
     * @throws LinkUnavailableException the link is disabled, expired or used up (also when this batch used it up)
     * @throws dev.sharelinks.platform.NotFoundException no link has this token
     */
    LinkUse claim(String token, String origin, Visitor visitor) {
        Claim claim = new Claim(token, origin, visitor, new CompletableFuture<>());
        Lane lane = lanes[Math.floorMod(token.hashCode(), lanes.length)];
        boolean leads;
        synchronized (lane) {
            leads = !lane.busy;
            if (leads) {
                lane.busy = true;
            } else {
                lane.waiting.add(claim);
            }
        }
        Outcome outcome = leads ? LEAD : claim.answer().join();
        return (outcome == LEAD ? lead(lane, claim) : outcome).get();
    }

    /**
     * Counts this claim and the ones waiting behind it, hands the lane on to the next waiting one, answers the
     * others; returns this claim's outcome.
     */
    private Outcome lead(Lane lane, Claim first) {
        List<Claim> batch = new ArrayList<>();
        batch.add(first);
        if (windowNanos > 0) {
            // let claims arriving within the window join this batch
            LockSupport.parkNanos(windowNanos);
        }
        synchronized (lane) {
            while (batch.size() < maxBatch && !lane.waiting.isEmpty()) {
                batch.add(lane.waiting.poll());
            }
        }
        Map<Claim, Outcome> outcomes = Map.of();
        try {
            outcomes = count(batch);
        } finally {
            synchronized (lane) {
                Claim next = lane.waiting.poll();
                if (next == null) {
                    lane.busy = false;
                } else {
                    next.answer().complete(LEAD);
                }
            }
            // after the commit: every answer is about a durable count
            for (Claim claim : batch.subList(1, batch.size())) {
                claim.answer().complete(outcomes.getOrDefault(claim, STOPPED));
            }
        }
        return outcomes.get(first);
    }

    /** For claims of a batch whose leader failed without an outcome (an Error): nothing was counted for them. */
    private static final Outcome STOPPED = new Outcome(
            null, new IllegalStateException("the batch counting this claim failed; the use was not counted"));

    private int waiting() {
        int waiting = 0;
        for (Lane lane : lanes) {
            synchronized (lane) {
                waiting += lane.waiting.size();
            }
        }
        return waiting;
    }

    /** Counts the batch in one transaction; a failed batch of several is counted again claim by claim. */
    private Map<Claim, Outcome> count(List<Claim> batch) {
        metrics.batchCounted(batch.size());
        try {
            return transaction.execute(status -> batch.size() == 1 ? alone(batch.get(0)) : together(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                return Map.of(batch.get(0), refused(e));
            }
            log.warn("A batch of {} claims failed ({}); counting them one by one", batch.size(), e.toString());
            Map<Claim, Outcome> outcomes = new LinkedHashMap<>();
            batch.forEach(claim -> outcomes.putAll(count(List.of(claim))));
            return outcomes;
        }
    }

    /** One claim: a single conditional UPDATE counts the use and returns the link as counted. */
    private Map<Claim, Outcome> alone(Claim claim) {
        Instant now = clock.now();
        var counted = links.claimReturning(claim.token(), now);
        if (counted.isPresent()) {
            Outcome outcome = used(claim, counted.get());
            announce(outcome.use(), now);
            return Map.of(claim, outcome);
        }
        // not counted: say why, from the link as it is now (another claim may have used it up meanwhile)
        var current = links.findByToken(claim.token());
        return Map.of(claim, current.isEmpty() ? refused(PublicShareLinks.notFound()) : refusedBy(current.get(), now));
    }

    /** Many claims: lock their links, grant each link up to its uses left in arrival order, count, announce. */
    private Map<Claim, Outcome> together(List<Claim> batch) {
        Instant now = clock.now();
        Map<String, List<Claim>> byToken = new LinkedHashMap<>();
        batch.forEach(claim ->
                byToken.computeIfAbsent(claim.token(), t -> new ArrayList<>()).add(claim));
        Map<String, ShareLink> locked = new LinkedHashMap<>();
        links.lockForCounting(byToken.keySet()).forEach(link -> locked.put(link.token(), link));

        Map<Claim, Outcome> outcomes = new LinkedHashMap<>();
        Map<UUID, Integer> granted = new LinkedHashMap<>();
        List<LinkUse> uses = new ArrayList<>();
        byToken.forEach((token, claims) -> {
            ShareLink link = locked.get(token);
            if (link == null) {
                claims.forEach(claim -> outcomes.put(claim, refused(PublicShareLinks.notFound())));
                return;
            }
            var reason = PublicShareLinks.unusable(link, now);
            if (reason != null) {
                claims.forEach(claim -> outcomes.put(claim, refused(PublicShareLinks.unavailable(reason))));
                return;
            }
            int grant = link.usageLimit() == null
                    ? claims.size()
                    : Math.min(claims.size(), link.usageLimit() - link.usageCount());
            granted.put(link.id(), grant);
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                if (i < grant) {
                    Outcome outcome = used(claim, link.counted(link.usageCount() + i + 1, now));
                    outcomes.put(claim, outcome);
                    uses.add(outcome.use());
                } else {
                    // the limit fell inside this batch: the claims after it find the link used up
                    outcomes.put(
                            claim, refused(PublicShareLinks.unavailable(LinkUnavailableException.Reason.EXHAUSTED)));
                }
            }
        });
        if (!granted.isEmpty()) {
            links.countUses(granted, now);
        }
        uses.forEach(use -> announce(use, now));
        return outcomes;
    }

    private static Outcome used(Claim claim, ShareLink counted) {
        return new Outcome(new LinkUse(UUID.randomUUID(), counted, claim.origin(), claim.visitor()), null);
    }

    /**
     * The use's events, in the claim's transaction: {@link ShareLinkEvent.Type#SESSION_STARTED}, and
     * {@link ShareLinkEvent.Type#EXHAUSTED} for the use that reaches the limit.
     */
    private void announce(LinkUse use, Instant now) {
        ShareLink link = use.link();
        var session = use.session();
        events.publishEvent(new ShareLinkEvent(ShareLinkEvent.Type.SESSION_STARTED, link, now, session));
        if (link.usageLimit() != null && link.usageCount() == link.usageLimit()) {
            events.publishEvent(new ShareLinkEvent(ShareLinkEvent.Type.EXHAUSTED, link, now, session));
        }
    }

    private static Outcome refusedBy(ShareLink link, Instant now) {
        var reason = PublicShareLinks.unusable(link, now);
        // counted by nobody, yet usable now: it was used up and then renewed between the update and this read
        return refused(
                PublicShareLinks.unavailable(reason != null ? reason : LinkUnavailableException.Reason.EXHAUSTED));
    }

    private static Outcome refused(RuntimeException refusal) {
        return new Outcome(null, refusal);
    }
}
