package dev.sharelinks.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ApiSurfaces;
import dev.sharelinks.platform.web.ErrorResponses;
import dev.sharelinks.platform.web.RequestPath;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client token buckets (Bucket4j) against guessing: one for the public link endpoints and pages, one for
 * failed authentication. Runs before Spring Security and before any body is read, so a refused request costs
 * no database lookup. Every request that carries credentials pays a token of the failure bucket before its
 * credential is checked and gets it back when the credential is accepted ({@link CredentialCheck}): concurrent
 * wrong guesses never get more checks than the limit. A client whose bucket is empty is refused every request that
 * carries credentials until it refills: right or wrong, the credential is not even checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter extends OncePerRequestFilter {

    private final ShareLinksProperties.RateLimit settings;
    private final ClientAddress clientAddress;
    private final ErrorResponses errors;
    private final ApiSurfaces surfaces;
    private final SecurityMetrics metrics;
    private final Cache<String, Bucket> publicBuckets;
    private final Cache<String, Bucket> failureBuckets;

    public RateLimitFilter(
            ShareLinksProperties properties,
            ClientAddress clientAddress,
            ErrorResponses errors,
            ApiSurfaces surfaces,
            SecurityMetrics metrics) {
        this.settings = properties.rateLimit();
        this.clientAddress = clientAddress;
        this.errors = errors;
        this.surfaces = surfaces;
        this.metrics = metrics;
        this.publicBuckets = clients();
        this.failureBuckets = clients();
    }

    private Cache<String, Bucket> clients() {
        // a bucket left alone for two minutes is full again anyway: forgetting it changes nothing
        return Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientAddress.of(request);
        String path = RequestPath.of(request);
        if (isPublic(path)) {
            ConsumptionProbe probe = publicBuckets
                    .get(client, key -> bucket(settings.publicRequestsPerMinute()))
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refuse(request, response, "public", probe.getNanosToWaitForRefill());
                return;
            }
        }
        if (!carriesCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket failures = failureBuckets.get(client, key -> bucket(settings.authFailuresPerMinute()));
        ConsumptionProbe probe = failures.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refuse(request, response, "auth_failures", probe.getNanosToWaitForRefill());
            return;
        }
        CredentialCheck check = CredentialCheck.paidFrom(failures, request);
        boolean finished = false;
        try {
            chain.doFilter(request, response);
            finished = true;
        } finally {
            if (finished && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                check.refused();
            } else {
                check.accepted();
            }
        }
    }

    private Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String limit, long nanosToWait)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
        metrics.rateLimited(limit);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(
                request,
                response,
                ApiError.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        surfaces.forRequest(request).throttled(seconds)));
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/v1/public/") || path.startsWith("/share/") || path.startsWith("/frame/");
    }

    private boolean carriesCredentials(HttpServletRequest request) {
        for (String header : surfaces.credentialHeaders()) {
            if (request.getHeader(header) != null) {
                return true;
            }
        }
        return false;
    }
}
