package dev.sharelinks.webhook;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Deliveries that this instance's own transactions stored already reserved for it (their first attempt counted,
 * due again only once the lease passes), handed to its worker when they commit: the common case needs no take from
 * the outbox. Bounded by {@code sharelinks.webhooks.hand-off}: while the worker is that far behind, events are stored
 * due at once and taken like any other. If the instance dies with deliveries here, they are due again after their
 * lease, on any instance.
 */
@Component
class HandedDeliveries {

    private final int capacity;
    // reserved before the insert, so the bound holds across transactions committing at once
    private final AtomicInteger held = new AtomicInteger();
    private final Queue<Delivery> handed = new ConcurrentLinkedQueue<>();
    // only while the worker runs: a stopped worker would leave what it is handed waiting for the lease
    private volatile boolean open;

    @Autowired
    HandedDeliveries(ShareLinksProperties properties) {
        this(properties.webhooks().deliver() ? properties.webhooks().handOff() : 0);
    }

    HandedDeliveries(int capacity) {
        this.capacity = capacity;
    }

    void open() {
        open = true;
    }

    /** Takes no more: what is already reserved still arrives. */
    void close() {
        open = false;
    }

    /** Room for {@code count} more, or false (nothing reserved) when the worker is too far behind. */
    boolean reserve(int count) {
        if (!open) {
            return false;
        }
        for (int now = held.get(); now + count <= capacity; now = held.get()) {
            if (held.compareAndSet(now, now + count)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back room reserved for deliveries that will not come (a rollback, fewer endpoints than events). */
    void release(int count) {
        held.addAndGet(-count);
    }

    /** Room for what the insert stored beyond what was reserved (an event for several endpoints). */
    void grow(int count) {
        held.addAndGet(count);
    }

    /** Deliveries committed reserved for this instance, in the room reserved for them. */
    void hand(List<Delivery> committed) {
        handed.addAll(committed);
    }

    Delivery poll() {
        Delivery next = handed.poll();
        if (next != null) {
            held.decrementAndGet();
        }
        return next;
    }

    List<Delivery> drain() {
        List<Delivery> left = new ArrayList<>();
        for (Delivery next; (next = poll()) != null; ) {
            left.add(next);
        }
        return left;
    }

    /** Reserved and not yet taken by the worker. */
    int held() {
        return held.get();
    }
}
