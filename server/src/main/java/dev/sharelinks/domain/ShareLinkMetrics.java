package dev.sharelinks.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The service's own meters (Micrometer; Prometheus names end in {@code _total} / {@code _seconds}). HTTP
 * timings per endpoint come from Spring Boot's {@code http.server.requests} on top of these.
 */
@Component
public class ShareLinkMetrics {

    private final MeterRegistry registry;
    private final Counter linksCreated;
    private final Counter sessionsClaimed;
    private final Counter cekuraTokensCreated;
    private final Counter cekuraTokensRead;
    private final Timer claim;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();

    public ShareLinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.linksCreated = Counter.builder("sharelinks.links.issued")
                .description("Share links created")
                .register(registry);
        this.sessionsClaimed = Counter.builder("sharelinks.sessions.claimed")
                .description("Uses counted")
                .register(registry);
        this.cekuraTokensCreated = Counter.builder("sharelinks.cekura.tokens.issued")
                .description("Cekura shareable-link tokens made")
                .register(registry);
        this.cekuraTokensRead = Counter.builder("sharelinks.cekura.tokens.read")
                .description("Results read with a shareable-link token")
                .register(registry);
        this.claim = Timer.builder("sharelinks.sessions.claim")
                .description("Time to decide a session claim")
                .publishPercentileHistogram()
                .register(registry);
        for (String reason : new String[] {"expired", "exhausted", "disabled", "origin", "unknown"}) {
            sessionRefused(reason, 0);
        }
        for (String kind : new String[] {"api_key", "admin_token", "result_token"}) {
            authFailure(kind, 0);
        }
    }

    public void linkCreated() {
        linksCreated.increment();
    }

    public void sessionClaimed() {
        sessionsClaimed.increment();
    }

    /** @param reason expired, exhausted, disabled, origin or unknown (no such token) */
    public void sessionRefused(String reason) {
        sessionRefused(reason, 1);
    }

    public void cekuraTokenCreated() {
        cekuraTokensCreated.increment();
    }

    public void cekuraTokenRead() {
        cekuraTokensRead.increment();
    }

    /** @param kind api_key, admin_token or result_token */
    public void authFailure(String kind) {
        authFailure(kind, 1);
    }

    /** @param limit public or auth_failures */
    public void rateLimited(String limit) {
        Counter.builder("sharelinks.rate_limited")
                .tag("limit", limit)
                .description("Requests refused with 429 by the per-client rate limits")
                .register(registry)
                .increment();
    }

    public Timer claimTimer() {
        return claim;
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

    private void authFailure(String kind, int amount) {
        authFailures
                .computeIfAbsent(
                        kind,
                        k -> Counter.builder("sharelinks.auth.failures")
                                .tag("credential", k)
                                .description("Requests with a wrong credential")
                                .register(registry))
                .increment(amount);
    }
}
