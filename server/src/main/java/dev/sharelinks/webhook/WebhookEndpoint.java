package dev.sharelinks.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation's webhook endpoint, without its secrets.
 *
 * @param eventTypes     in the order of {@link EventType}
 * @param disabledReason why deliveries stopped, or null while enabled
 */
public record WebhookEndpoint(
        UUID id,
        UUID organizationId,
        String url,
        String description,
        List<EventType> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant createdAt) {}
