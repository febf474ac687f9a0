package dev.sharelinks.webhook;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.webhook.Delivery.Attempt;
import dev.sharelinks.webhook.Delivery.Status;
import dev.sharelinks.webhook.DeliveryRepository.Attempted;
import dev.sharelinks.webhook.DeliveryRepository.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's share of the deliveries: one loop attempts those its own changes handed over (stored already
 * reserved for it, see {@link HandedDeliveries}) and takes due ones (as many as there are free slots, each reserved
 * for the lease), a pool of {@code concurrency} threads attempts them, and each attempt's outcome is
 * recorded with its log row in one transaction. Instances never wait for each other (SKIP LOCKED), and an attempt
 * whose instance died is made again by any instance once its lease has passed: delivery is at least once, and the
 * receiver de-duplicates by {@code webhook-id}. With {@code deliver} off the instance only stores events (and
 * keeps its gauge of the oldest waiting one): instances that deliver send them.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(5);
    private static final int MAX_RECORDED_TOGETHER = 256;
    // under load, delivered attempts are recorded at most this often (one transaction for all gathered meanwhile);
    // a lone one, after a quiet spell, at once
    private static final long RECORD_EVERY_NANOS = Duration.ofMillis(25).toNanos();

    private final DeliveryRepository deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final DeliverySignal signal;
    private final HandedDeliveries handed;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transaction;
    private final MillisecondClock clock;
    private final ShareLinksProperties.Webhooks settings;
    private final Semaphore slots;

    /**
     * Delivered attempts not yet recorded: the loop records whatever has gathered in one transaction (their log rows
     * and their settling, a JDBC batch each), not one transaction an attempt. Until then a delivery stays reserved
     * for its lease; an instance that dies first leaves it to be made again (at least once, as ever).
     */
    private final Queue<Attempted> delivered = new ConcurrentLinkedQueue<>();

    private final AtomicInteger gathered = new AtomicInteger();
    private long lastRecorded;

    private volatile boolean running;
    private Thread loop;
    private ExecutorService attempts;

    DeliveryWorker(
            DeliveryRepository deliveries,
            WebhookEndpoints endpoints,
            WebhookSender sender,
            RetrySchedule schedule,
            DeliverySignal signal,
            HandedDeliveries handed,
            WebhookMetrics metrics,
            TransactionTemplate transaction,
            MillisecondClock clock,
            ShareLinksProperties properties) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.schedule = schedule;
        this.signal = signal;
        this.handed = handed;
        this.metrics = metrics;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = properties.webhooks();
        this.slots = new Semaphore(settings.concurrency());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (!settings.deliver()) {
            // sends nothing, but still tells how old the oldest waiting delivery is: were no instance delivering,
            // this gauge would be the one to say so
            loop = new Thread(this::watchPending, "webhook-pending-gauge");
            loop.setDaemon(true);
            loop.start();
            return;
        }
        handed.open();
        AtomicInteger threads = new AtomicInteger();
        attempts = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "webhook-delivery-loop");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (!settings.deliver()) {
            loop.interrupt();
            return;
        }
        handed.close();
        signal.wake();
        try {
            // the loop first, so that it starts nothing more; then the attempts in flight may finish and record their
            // outcome; what does not is made again after its lease
            loop.join(1000);
            attempts.shutdown();
            if (!attempts.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                attempts.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recordDelivered();
        giveBackHanded();
    }

    /** What was handed over and not attempted is due again now, for any instance, rather than after its lease. */
    private void giveBackHanded() {
        List<Delivery> left = handed.drain();
        if (left.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> deliveries.giveBack(left, clock.now()));
        } catch (RuntimeException e) {
            log.warn(
                    "Giving back {} webhook deliveries: {}; they are due again after their lease",
                    left.size(),
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool go away, starts after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        long nextGauge = 0;
        long nextTake = 0;
        boolean takeWanted = false;
        // While a backlog waits (the last take filled every free slot), the next take waits for half the slots:
        // one take, and one read of each endpoint, for several deliveries rather than for each one.
        boolean backlog = false;
        while (running) {
            try {
                if (System.nanoTime() >= nextGauge) {
                    metrics.oldestPending(deliveries.oldestPending(), clock.now());
                    nextGauge = System.nanoTime() + GAUGE_INTERVAL.toNanos();
                }
                int waiting = gathered.get();
                if (waiting >= MAX_RECORDED_TOGETHER
                        || (waiting > 0 && System.nanoTime() - lastRecorded >= RECORD_EVERY_NANOS)) {
                    recordDelivered();
                    lastRecorded = System.nanoTime();
                }
                attemptHanded(slots.availablePermits());
                int free = slots.availablePermits();
                // the outbox is read when something was stored here due at once, a backlog waits, or at each poll
                // interval (retries, other instances' events, a dead instance's leases); a hand-off alone reads nothing
                takeWanted |= signal.takeWanted();
                boolean take = takeWanted || backlog || System.nanoTime() >= nextTake;
                int enough = backlog ? Math.max(1, settings.concurrency() / 2) : 1;
                if (!take || free < enough) {
                    await(take ? settings.pollInterval().toNanos() : nextTake - System.nanoTime());
                    continue;
                }
                takeWanted = false;
                int taken = takeAndAttempt(free);
                nextTake = System.nanoTime() + settings.pollInterval().toNanos();
                backlog = taken == free;
                if (taken < free) {
                    await(settings.pollInterval().toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be away for a moment: try again after the poll interval
                log.warn("Webhook delivery loop: {}", e.toString());
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    /** On an instance that does not deliver: the age of the oldest waiting delivery, refreshed now and then. */
    private void watchPending() {
        while (running) {
            try {
                metrics.oldestPending(deliveries.oldestPending(), clock.now());
            } catch (RuntimeException e) {
                log.warn("Webhook pending gauge: {}", e.toString());
            }
            try {
                Thread.sleep(GAUGE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return; // stopped
            }
        }
    }

    /** Waits for a wake-up, at most {@code nanos}, and no longer than recording what was delivered may wait. */
    private void await(long nanos) throws InterruptedException {
        long wait = gathered.get() > 0 ? Math.min(nanos, lastRecorded + RECORD_EVERY_NANOS - System.nanoTime()) : nanos;
        signal.await(Duration.ofNanos(Math.max(0, wait)));
    }

    /** Attempts up to {@code free} of the deliveries handed over by this instance's own transactions. */
    private void attemptHanded(int free) {
        Instant now = clock.now();
        List<Delivery> batch = new ArrayList<>();
        for (Delivery next; batch.size() < free && (next = handed.poll()) != null; ) {
            // one whose lease would run out during the attempt is left to the take, which finds it after the lease
            if (now.plus(settings.timeout()).isBefore(next.nextAttemptAt())) {
                batch.add(next);
            }
        }
        if (!batch.isEmpty()) {
            attemptAll(batch, now);
            metrics.started(true, batch.size());
        }
    }

    private int takeAndAttempt(int free) {
        Instant now = clock.now();
        List<Delivery> due = transaction.execute(status -> deliveries.take(now, now.plus(settings.lease()), free));
        attemptAll(due, now);
        metrics.started(false, due.size());
        return due.size();
    }

    /** Starts an attempt of each reserved delivery, to its endpoint as read now (once for each endpoint). */
    private void attemptAll(List<Delivery> reserved, Instant now) {
        Map<UUID, Optional<WebhookEndpoints.DeliveryTarget>> targets = new HashMap<>();
        for (Delivery delivery : reserved) {
            Optional<WebhookEndpoints.DeliveryTarget> target =
                    targets.computeIfAbsent(delivery.endpointId(), id -> endpoints.forDelivery(id, now));
            slots.acquireUninterruptibly();
            try {
                attempts.execute(() -> {
                    try {
                        attempt(delivery, target);
                    } catch (RuntimeException e) {
                        log.warn("Webhook delivery {}: {}", delivery.eventId(), e.toString());
                    } finally {
                        slots.release();
                        signal.wake();
                    }
                });
            } catch (RuntimeException rejectedWhileStopping) {
                slots.release();
            }
        }
    }

    /**
     * One attempt of a taken delivery (its {@code attempts} already count this one), to its endpoint as read when
     * it was taken.
     */
    private void attempt(Delivery delivery, Optional<WebhookEndpoints.DeliveryTarget> found) {
        if (found.isEmpty()) {
            return; // deleted meanwhile, and its deliveries with it
        }
        Instant at = clock.now();
        WebhookEndpoints.DeliveryTarget target = found.get();
        WebhookEndpoint endpoint = target.endpoint();
        String id = delivery.eventId().toString();
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSignature.header(target.signingSecrets(), id, timestamp, delivery.payload()));
        WebhookSender.Answer answer = sender.send(endpoint.url(), headers, delivery.payload());
        Attempt attempt = new Attempt(
                delivery.attempts(), at, answer.status(), answer.latencyMs(), answer.body(), answer.error());
        Key key = new Key(delivery.eventId(), delivery.endpointId());
        if (answer.delivered()) {
            delivered.add(new Attempted(key, attempt));
            gathered.incrementAndGet();
            return;
        }
        String outcome = transaction.execute(status -> settle(delivery, endpoint, key, attempt, answer));
        metrics.attempted(outcome, answer.latencyMs());
    }

    /** Records the delivered attempts gathered since the last call, together. */
    private void recordDelivered() {
        List<Attempted> batch = new ArrayList<>();
        for (Attempted next; batch.size() < MAX_RECORDED_TOGETHER && (next = delivered.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        gathered.addAndGet(-batch.size());
        try {
            transaction.executeWithoutResult(status -> {
                deliveries.recordAttempts(batch);
                deliveries.settleDelivered(batch);
            });
        } catch (RuntimeException e) {
            // the deliveries stay reserved until their lease runs out, then they are made again
            log.warn("Recording {} delivered webhook attempts: {}", batch.size(), e.toString());
            return;
        }
        for (Attempted a : batch) {
            metrics.attempted("delivered", a.attempt().latencyMs());
        }
    }

    private String settle(
            Delivery delivery, WebhookEndpoint endpoint, Key key, Attempt attempt, WebhookSender.Answer answer) {
        deliveries.recordAttempt(key, attempt);
        Instant now = clock.now();
        if (answer.status() != null && answer.status() == 410) {
            if (deliveries.settle(key, delivery.attempts(), Status.FAILED, null)) {
                endpoints.disable(endpoint, "The endpoint answered 410 Gone to event " + delivery.eventId());
            }
            return "gone";
        }
        boolean honoursRetryAfter = answer.status() != null && (answer.status() == 429 || answer.status() == 503);
        Optional<Instant> next =
                schedule.next(delivery.roundAttempts(), now, honoursRetryAfter ? answer.retryAfter() : null);
        if (next.isPresent()) {
            deliveries.settle(key, delivery.attempts(), Status.PENDING, next.get());
            return answer.refused() ? "refused" : "retry";
        }
        if (deliveries.settle(key, delivery.attempts(), Status.FAILED, null)) {
            endpoints.disable(
                    endpoint,
                    "The last of " + schedule.attempts() + " attempts to deliver event " + delivery.eventId()
                            + " failed: " + (answer.status() != null ? "HTTP " + answer.status() : answer.error()));
        }
        return "failed";
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
