package dev.sharelinks.sharelink;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts concurrent claims together. A claim queues in one of a few lanes (a link's claims always in the same one);
 * each lane's worker takes what is waiting, up to {@code max-batch}, and counts it in one transaction: the batch's
 * links locked in id order, up to the uses left granted on each by one conditional update per link, each use's
 * events published, then the commit. Only after the commit is any caller answered, so a use that was answered is
 * durable, and the limit is decided under the row lock exactly as by a claim alone. Visitors pressing Start on the
 * same link at once then cost one row lock and one commit per batch instead of one each.
 *
 * <p>A batch of one is the single conditional {@code UPDATE ... RETURNING}, one round trip as before. A batch that
 * fails (a deadlock, a lost connection) is counted again claim by claim, so one claim's failure is its own.
 */
@Component
class ClaimBatches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClaimBatches.class);

    /** What the batch decided for one claim: its use, or why it has none. */
    private record Outcome(LinkUse use, RuntimeException refusal) {}

    private record Claim(String token, String origin, Visitor visitor, CompletableFuture<LinkUse> answer) {}

    private final ShareLinkRepository links;
    private final TransactionTemplate transaction;
    private final MillisecondClock clock;
    private final ApplicationEventPublisher events;
    private final ShareLinkMetrics metrics;
    private final long windowNanos;
    private final int maxBatch;
    private final List<LinkedBlockingQueue<Claim>> lanes = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

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
        for (int lane = 0; lane < settings.lanes(); lane++) {
            LinkedBlockingQueue<Claim> queue = new LinkedBlockingQueue<>();
            lanes.add(queue);
            Thread worker = new Thread(() -> work(queue), "claims-" + lane);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        metrics.claimsWaiting(
                () -> lanes.stream().mapToInt(LinkedBlockingQueue::size).sum());
    }

    /**
     * Counts one use of the link with this token, with whatever other claims are waiting; blocks until the batch
     * has committed.
     *
     * @throws LinkUnavailableException the link is disabled, expired or used up (also when this batch used it up)
     * @throws dev.sharelinks.platform.NotFoundException no link has this token
     */
    LinkUse claim(String token, String origin, Visitor visitor) {
        Claim claim = new Claim(token, origin, visitor, new CompletableFuture<>());
        lanes.get(Math.floorMod(token.hashCode(), lanes.size())).add(claim);
        if (stopping) {
            claim.answer().completeExceptionally(stopped());
        }
        try {
            return claim.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void work(LinkedBlockingQueue<Claim> queue) {
        while (!stopping) {
            List<Claim> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                if (windowNanos > 0) {
                    long deadline = System.nanoTime() + windowNanos;
                    while (batch.size() < maxBatch) {
                        Claim next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                    }
                } else {
                    queue.drainTo(batch, maxBatch - 1);
                }
            } catch (InterruptedException e) {
                batch.forEach(claim -> claim.answer().completeExceptionally(stopped()));
                Thread.currentThread().interrupt();
                break;
            }
            count(batch);
        }
        queue.forEach(claim -> claim.answer().completeExceptionally(stopped()));
    }

    private void count(List<Claim> batch) {
        metrics.batchCounted(batch.size());
        Map<Claim, Outcome> outcomes;
        try {
            outcomes = transaction.execute(status -> batch.size() == 1 ? alone(batch.get(0)) : together(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(e);
                return;
            }
            log.warn("A batch of {} claims failed ({}); counting them one by one", batch.size(), e.toString());
            batch.forEach(claim -> count(List.of(claim)));
            return;
        }
        // after the commit: every answer is about a durable count
        outcomes.forEach((claim, outcome) -> {
            if (outcome.use() != null) {
                claim.answer().complete(outcome.use());
            } else {
                claim.answer().completeExceptionally(outcome.refusal());
            }
        });
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
            if (PublicShareLinks.unusable(link, now) != null) {
                claims.forEach(claim -> outcomes.put(claim, refusedBy(link, now)));
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

    private static RuntimeException stopped() {
        return new TransientDataAccessResourceException("the service is stopping; the use was not counted");
    }

    @Override
    public void destroy() {
        stopping = true;
        workers.forEach(Thread::interrupt);
    }
}
