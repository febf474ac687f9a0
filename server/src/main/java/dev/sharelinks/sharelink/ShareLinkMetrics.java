package dev.sharelinks.sharelink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The share links' meters (Micrometer; Prometheus names end in {@code _total} / {@code _seconds}). HTTP timings per
 * endpoint come from Spring Boot's {@code http.server.requests} on top of these.
 */
@Component
public class ShareLinkMetrics {

    private final MeterRegistry registry;
    private final Counter linksCreated;
    private final Counter sessionsClaimed;
    private final Counter usesGivenBack;
    private final Timer claim;
    private final DistributionSummary batch;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    ShareLinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.linksCreated = Counter.builder("sharelinks.links.issued")
                .description("Share links created")
                .register(registry);
        this.sessionsClaimed = Counter.builder("sharelinks.sessions.claimed")
                .description("Uses counted")
                .register(registry);
        this.usesGivenBack = Counter.builder("sharelinks.sessions.given_back")
                .description("Counted uses given back because their hand-off failed")
                .register(registry);
        this.claim = Timer.builder("sharelinks.sessions.claim")
                .description("Time to decide a session claim")
                .publishPercentileHistogram()
                .register(registry);
        this.batch = DistributionSummary.builder("sharelinks.sessions.claim.batch")
                .description("Claims counted in one transaction")
                .baseUnit("claims")
                .register(registry);
        for (String reason : new String[] {"expired", "exhausted", "disabled", "origin", "unknown"}) {
            sessionRefused(reason, 0);
        }
    }

    void linkCreated() {
        linksCreated.increment();
    }

    void sessionClaimed() {
        sessionsClaimed.increment();
    }

    void useGivenBack() {
        usesGivenBack.increment();
    }

    /** @param reason expired, exhausted, disabled, origin or unknown (no such token) */
    void sessionRefused(String reason) {
        sessionRefused(reason, 1);
    }

    Timer claimTimer() {
        return claim;
    }

    void batchCounted(int claims) {
        batch.record(claims);
    }

    /** @param waiting claims queued for a transaction at this moment, on this instance */
    void claimsWaiting(Supplier<Number> waiting) {
        Gauge.builder("sharelinks.sessions.claims.waiting", waiting)
                .description("Claims waiting for a batch's transaction")
                .register(registry);
    }

    private void sessionRefused(String reason, int amount) {
        refused.computeIfAbsent(
                        reason,
                        r -> Counter.builder("sharelinks.sessions.refused")
                                .tag("reason", r)
                                .description("Session claims refused, by reason")
                                .register(registry))
                .increment(amount);
    }
}
