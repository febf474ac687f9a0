package dev.sharelinks.webhook;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An endpoint's deliveries as its organisation reads them, and redelivery of one event on request. */
@Service
public class DeliveryLog {

    public static final int MAX_LIMIT = 100;

    private final WebhookEndpoints endpoints;
    private final DeliveryRepository deliveries;
    private final DeliverySignal signal;
    private final MillisecondClock clock;

    DeliveryLog(
            WebhookEndpoints endpoints, DeliveryRepository deliveries, DeliverySignal signal, MillisecondClock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.signal = signal;
        this.clock = clock;
    }

    /** The endpoint's latest deliveries, newest first; an unknown endpoint or another organisation's is a 404. */
    public List<Delivery> list(UUID organizationId, UUID endpointId, int limit) {
        endpoints.get(organizationId, endpointId);
        return deliveries.list(organizationId, endpointId, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /** The same event (same {@code webhook-id}) due again now, with a fresh retry schedule. */
    @Transactional
    public Delivery redeliver(UUID organizationId, UUID endpointId, UUID eventId) {
        endpoints.get(organizationId, endpointId);
        if (!deliveries.redeliver(organizationId, endpointId, eventId, clock.now())) {
            throw new NotFoundException("Webhook delivery not found");
        }
        AfterTransaction.committed(signal::due);
        return deliveries
                .find(new DeliveryRepository.Key(eventId, endpointId))
                .orElseThrow(() -> new NotFoundException("Webhook delivery not found"));
    }

    /** Deletes settled deliveries created before the cutoff (retention). */
    @Transactional
    public int purgeSettledBefore(java.time.Instant cutoff) {
        return deliveries.purgeSettledBefore(cutoff);
    }
}
