package dev.sharelinks.platform.security;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ApiSurfaces;
import dev.sharelinks.platform.web.ErrorResponses;
import dev.sharelinks.platform.web.RequestPath;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * carries credentials until it refills: right or wrong, the credential is not even checked. The buckets are this
 * instance's on the embedded database and shared by every instance on PostgreSQL ({@link ClientBuckets}); if the
 * database cannot be asked, the request goes on unlimited (it needs the database itself, and fails there with the
 * surface's own 503) rather than failing here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ShareLinksProperties.RateLimit settings;
    private final ClientAddress clientAddress;
    private final ErrorResponses errors;
    private final ApiSurfaces surfaces;
    private final SecurityMetrics metrics;
    private final ClientBuckets buckets;
    private final AtomicLong lastUnavailableWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));

    public RateLimitFilter(
            ShareLinksProperties properties,
            ClientAddress clientAddress,
            ErrorResponses errors,
            ApiSurfaces surfaces,
            SecurityMetrics metrics,
            ClientBuckets buckets) {
        this.settings = properties.rateLimit();
        this.clientAddress = clientAddress;
        this.errors = errors;
        this.surfaces = surfaces;
        this.metrics = metrics;
        this.buckets = buckets;
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
            ConsumptionProbe probe = consume(buckets.publicRequests(client));
            if (probe != null && !probe.isConsumed()) {
                refuse(request, response, "public", probe.getNanosToWaitForRefill());
                return;
            }
        }
        if (!carriesCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket failures = buckets.authFailures(client);
        ConsumptionProbe probe = consume(failures);
        if (probe == null) {
            chain.doFilter(request, response);
            return;
        }
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

    /** One token, or null when the shared buckets cannot be reached. */
    private ConsumptionProbe consume(Bucket bucket) {
        try {
            return bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException unreachable) {
            metrics.rateLimitUnavailable();
            long now = System.nanoTime();
            long last = lastUnavailableWarning.get();
            // once a minute, not once a request, while the database is away
            if (now - last > TimeUnit.MINUTES.toNanos(1) && lastUnavailableWarning.compareAndSet(last, now)) {
                log.warn("Rate limits not applied: their buckets cannot be reached ({})", unreachable.toString());
            }
            return null;
        }
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
        if ("POST".equals(request.getMethod()) && "/console/sign-in".equals(RequestPath.of(request))) {
            return true; // the console's sign-in form carries the admin token in its body
        }
        for (String header : surfaces.credentialHeaders()) {
            if (request.getHeader(header) != null) {
                return true;
            }
        }
        return false;
    }
}
