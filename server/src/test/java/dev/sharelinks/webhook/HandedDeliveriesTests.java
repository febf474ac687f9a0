package dev.sharelinks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-off's bound: room is reserved before the insert and freed by the worker's poll or a rollback. */
class HandedDeliveriesTests {

    @Test
    void roomIsReservedUpToTheCapacityAndFreedByPollOrRelease() {
        HandedDeliveries handed = new HandedDeliveries(3);
        assertThat(handed.reserve(1)).as("closed until the worker runs").isFalse();
        handed.open();
        assertThat(handed.reserve(2)).isTrue();
        assertThat(handed.reserve(2)).as("2 + 2 > 3").isFalse();
        assertThat(handed.held()).isEqualTo(2);
        assertThat(handed.reserve(1)).isTrue();
        assertThat(handed.reserve(1)).isFalse();

        handed.release(1); // a rolled-back transaction's event
        handed.hand(List.of(delivery(), delivery()));
        assertThat(handed.poll()).isNotNull();
        assertThat(handed.held()).isEqualTo(1);
        assertThat(handed.reserve(2)).isTrue();

        handed.close();
        assertThat(handed.reserve(1)).as("a stopping worker takes no more").isFalse();
        assertThat(handed.drain()).hasSize(1);
        assertThat(handed.held()).as("the drained one and the two reserved").isEqualTo(2);
    }

    private static Delivery delivery() {
        return new Delivery(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                EventType.SHARE_LINK_CREATED,
                "{}",
                Instant.now(),
                Delivery.Status.PENDING,
                1,
                1,
                Instant.now().plusSeconds(60),
                List.of());
    }
}
