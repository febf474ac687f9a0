package dev.sharelinks.webhook;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.jdbc.BeforeCommitBatch;
import dev.sharelinks.result.ResultLinkEvent;
import dev.sharelinks.sharelink.ShareLinkEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final HandedDeliveries handed;
    private final Duration lease;
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
            HandedDeliveries handed,
            WebhookMetrics metrics,
            MillisecondClock clock,
            ShareLinksProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.schedule = schedule;
        this.signal = signal;
        this.handed = handed;
        this.lease = properties.webhooks().lease();
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
        Instant now = clock.now();
        // due at once (the schedule's first delay is 0) and room in the hand-off: stored reserved for this
        // instance, and handed to its worker when the transaction commits
        boolean handOff = events.stream().allMatch(e -> !e.due().isAfter(now)) && handed.reserve(events.size());
        List<DeliveryRepository.Enqueued> rows = handOff
                ? events.stream().map(e -> e.leasedUntil(now.plus(lease))).toList()
                : events;
        List<DeliveryRepository.Key> stored;
        try {
            stored = deliveries.enqueue(rows);
        } catch (RuntimeException e) {
            if (handOff) {
                handed.release(events.size());
            }
            throw e;
        }
        if (!stored.isEmpty()) {
            metrics.stored(stored.size());
        }
        if (!handOff) {
            if (!stored.isEmpty()) {
                AfterTransaction.committed(signal::due);
            }
            return;
        }
        handed.grow(stored.size() - events.size());
        if (stored.isEmpty()) {
            return;
        }
        Map<UUID, DeliveryRepository.Enqueued> byEvent = new HashMap<>();
        rows.forEach(e -> byEvent.put(e.eventId(), e));
        List<Delivery> leased = stored.stream()
                .map(key -> byEvent.get(key.eventId()).leasedTo(key.endpointId()))
                .toList();
        AfterTransaction.ended(committed -> {
            if (committed) {
                handed.hand(leased);
                signal.wake();
            } else {
                handed.release(leased.size());
            }
        });
    }
}
