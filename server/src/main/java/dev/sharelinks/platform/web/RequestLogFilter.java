package dev.sharelinks.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, with a request id that is also returned in {@code X-Request-Id} (a caller's own id
 * is kept when it is a plain token) and put in the logging MDC as {@code requestId} for every line logged while
 * serving it. Share tokens in paths are replaced by {@code ***}; query strings and headers are never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Logger log = LoggerFactory.getLogger("sharelinks.requests");
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Compiled once: String.replaceAll compiled it on every request (#20's profile of a status read). */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private static final Pattern SECRET_IN_PATH =
            Pattern.compile("^(/share/result/[^/]+/|/share/|/frame/|/v1/public/share-links/)[^/]+");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && ACCEPTABLE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            log.info(
                    "{} {} {} {}ms",
                    request.getMethod(),
                    redact(RequestPath.of(request)),
                    response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
            MDC.remove("requestId");
        }
    }

    /** The path as it may be logged: tokens, which are credentials, become ***. */
    static String redact(String path) {
        // decoded, the path may carry control characters: never a line break in the log
        return CONTROL.matcher(SECRET_IN_PATH.matcher(path).replaceFirst("$1***"))
                .replaceAll("?");
    }
}
