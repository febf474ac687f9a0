package dev.sharelinks.webhook;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Which organisations have an enabled endpoint for which event types, as this instance last read it: a change no
 * organisation listens for then costs nothing, and the outbox's insert reads the subscriptions again, exactly, for
 * the organisations that do listen. Read again when older than {@code sharelinks.webhooks.subscription-cache} (by
 * one caller, while the others go on with the snapshot they have), and at once after a change on this instance.
 */
@Component
class Subscriptions {

    private final WebhookEndpointRepository endpoints;
    private final long maxAgeNanos;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Map<UUID, Set<EventType>> current;
    private volatile long readAt;

    Subscriptions(WebhookEndpointRepository endpoints, ShareLinksProperties properties) {
        this.endpoints = endpoints;
        this.maxAgeNanos = properties.webhooks().subscriptionCache().toNanos();
    }

    boolean wanted(UUID organizationId, EventType type) {
        Map<UUID, Set<EventType>> snapshot = current;
        if (snapshot == null) {
            snapshot = refresh();
        } else if (System.nanoTime() - readAt >= maxAgeNanos && reading.tryLock()) {
            try {
                snapshot = read();
            } finally {
                reading.unlock();
            }
        }
        Set<EventType> types = snapshot.get(organizationId);
        return types != null && types.contains(type);
    }

    Map<UUID, Set<EventType>> refresh() {
        reading.lock();
        try {
            return read();
        } finally {
            reading.unlock();
        }
    }

    private Map<UUID, Set<EventType>> read() {
        long started = System.nanoTime();
        Map<UUID, Set<EventType>> read = Map.copyOf(endpoints.enabledSubscriptions());
        current = read;
        readAt = started;
        return read;
    }
}
