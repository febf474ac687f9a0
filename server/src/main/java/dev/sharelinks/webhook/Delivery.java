package dev.sharelinks.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event on its way to one endpoint. {@code eventId} is the {@code webhook-id} the receiver sees (the same for
 * every endpoint the event goes to).
 *
 * @param attempts      attempts made so far, in every round (redeliveries start a new round)
 * @param roundAttempts attempts made in this round: the position in the retry schedule
 * @param nextAttemptAt null once delivered or failed
 */
public record Delivery(
        UUID eventId,
        UUID endpointId,
        UUID organizationId,
        EventType eventType,
        String payload,
        Instant createdAt,
        Status status,
        int attempts,
        int roundAttempts,
        Instant nextAttemptAt,
        List<Attempt> log) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    /**
     * @param status   the receiver's HTTP status, or null when there was no answer
     * @param response the first 1 KB of the answer
     * @param error    why there was no answer
     */
    public record Attempt(int number, Instant at, Integer status, long latencyMs, String response, String error) {}

    Delivery withLog(List<Attempt> attempts) {
        return new Delivery(
                eventId,
                endpointId,
                organizationId,
                eventType,
                payload,
                createdAt,
                status,
                this.attempts,
                roundAttempts,
                nextAttemptAt,
                attempts);
    }
}
