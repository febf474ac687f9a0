package dev.sharelinks.webhook;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.jdbc.BeforeCommitBatch;
import dev.sharelinks.result.ResultLinkEvent;
import dev.sharelinks.sharelink.ShareLinkEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores each event for the endpoints subscribed to it, in the publisher's transaction: a rolled-back change leaves
 * no delivery, a committed one cannot lose its own. Events no organisation listens for cost a map lookup.
 */
@Component
class Outbox {

    private final Subscriptions subscriptions;
    private final DeliveryRepository deliveries;
    private final WebhookPayloads payloads;
    private final RetrySchedule schedule;
    private final DeliverySignal signal;
    private final WebhookMetrics metrics;
    private final MillisecondClock clock;
    // a batch of claims is one transaction: its events are stored together, just before it commits
    private final BeforeCommitBatch<DeliveryRepository.Enqueued> pending;

    Outbox(
            Subscriptions subscriptions,
            DeliveryRepository deliveries,
            WebhookPayloads payloads,
            RetrySchedule schedule,
            DeliverySignal signal,
            WebhookMetrics metrics,
            MillisecondClock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.schedule = schedule;
        this.signal = signal;
        this.metrics = metrics;
        this.clock = clock;
        this.pending = new BeforeCommitBatch<>(this::write);
    }

    @EventListener
    void on(ShareLinkEvent event) {
        EventType.of(event.type())
                .ifPresent(type -> store(event.link().organizationId(), type, () -> payloads.of(event)));
    }

    @EventListener
    void on(ResultLinkEvent event) {
        store(event.organizationId(), EventType.of(event.type()), () -> payloads.of(event));
    }

    private void store(UUID organizationId, EventType type, Supplier<String> payload) {
        if (!subscriptions.wanted(organizationId, type)) {
            return;
        }
        Instant now = clock.now();
        pending.add(new DeliveryRepository.Enqueued(
                UUID.randomUUID(), organizationId, type, payload.get(), now, schedule.first(now)));
    }

    private void write(List<DeliveryRepository.Enqueued> events) {
        int stored = deliveries.enqueue(events);
        if (stored > 0) {
            metrics.stored(stored);
            WebhookEndpoints.afterCommit(signal::wake);
        }
    }
}
