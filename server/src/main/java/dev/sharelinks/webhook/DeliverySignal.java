package dev.sharelinks.webhook;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Wakes this instance's delivery loop: a delivery was handed to it, an event was stored here for the loop to take,
 * or an attempt finished and a slot is free.
 */
@Component
class DeliverySignal {

    private final Semaphore signal = new Semaphore(0);
    private final AtomicBoolean due = new AtomicBoolean();

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Wakes the loop to take from the outbox: deliveries were stored here due at once, not handed to it. */
    void due() {
        due.set(true);
        wake();
    }

    /** Whether deliveries were stored due since the last call. */
    boolean takeWanted() {
        return due.getAndSet(false);
    }

    /** Waits up to {@code timeout} for a wake-up; wake-ups that came meanwhile count as one. */
    void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            signal.drainPermits();
        }
    }
}
