package dev.sharelinks.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code sharelinks.webhook.attempts{outcome}} (delivered, retry, failed, gone, refused),
 * {@code sharelinks.webhook.attempt.duration}, {@code sharelinks.webhook.events.stored},
 * {@code sharelinks.webhook.deliveries.started{source}} (hand-off: handed over by this instance's own change;
 * outbox: taken from the outbox) and
 * {@code sharelinks.webhook.oldest.pending.seconds}, the age of the oldest delivery still waiting (0 when none).
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Timer duration;
    private final Counter stored;
    private final Counter handedOver;
    private final Counter taken;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("sharelinks.webhook.attempt.duration")
                .description("How long an attempt to deliver a webhook took")
                .register(registry);
        this.stored = Counter.builder("sharelinks.webhook.deliveries.stored")
                .description("Deliveries written to the outbox (one per event and endpoint)")
                .register(registry);
        this.handedOver = started("hand-off");
        this.taken = started("outbox");
        Gauge.builder("sharelinks.webhook.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest webhook delivery still waiting")
                .register(registry);
    }

    void attempted(String outcome, long millis) {
        attempts.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("sharelinks.webhook.attempts")
                                .description("Attempts to deliver a webhook, by outcome")
                                .tag("outcome", o)
                                .register(registry))
                .increment();
        duration.record(Duration.ofMillis(millis));
    }

    private Counter started(String source) {
        return Counter.builder("sharelinks.webhook.deliveries.started")
                .description("Deliveries whose attempt this instance started, by where it found them")
                .tag("source", source)
                .register(registry);
    }

    void started(boolean handed, int deliveries) {
        (handed ? handedOver : taken).increment(deliveries);
    }

    void stored(int deliveries) {
        stored.increment(deliveries);
    }

    void oldestPending(Instant createdAt, Instant now) {
        oldestPendingSeconds.set(
                createdAt == null
                        ? 0
                        : Math.max(0, Duration.between(createdAt, now).toSeconds()));
    }
}
