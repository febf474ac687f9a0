package dev.sharelinks.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Refused credentials and rate-limited requests (Prometheus: {@code sharelinks_auth_failures_total}, ...). */
@Component
public class SecurityMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();

    public SecurityMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : new String[] {"api_key", "admin_token", "result_token"}) {
            authFailure(kind, 0);
        }
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

    /** A request let through unlimited because its rate-limit buckets could not be reached. */
    public void rateLimitUnavailable() {
        Counter.builder("sharelinks.rate_limit.unavailable")
                .description("Requests let through without a rate limit: the shared buckets could not be reached")
                .register(registry)
                .increment();
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
