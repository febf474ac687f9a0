package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.sharelink.Origins;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The origin a public request comes from, as far as embed rules care: null when the request carries no
 * {@code Origin} header or comes from the service's own pages, whose origin is the configured public base URL.
 * (Not the request's {@code Host}: outside a browser anyone can send a matching pair.) An origin that is no
 * {@code scheme://host[:port]} ({@code null} from sandboxed frames and {@code file:}, or garbage) is
 * {@link #OPAQUE}: no owner can have allowed it, and it never gets {@code Access-Control-Allow-Origin}.
 */
@Component
class CallerOrigin {

    static final String OPAQUE = "null";

    private final String ownOrigin;

    CallerOrigin(ShareLinksProperties properties) {
        this.ownOrigin = Origins.normalizeOrNull(properties.publicBase());
    }

    String of(HttpServletRequest request) {
        String header = request.getHeader("Origin");
        if (header == null || header.isBlank()) {
            return null;
        }
        String origin = Origins.normalizeOrNull(header);
        if (origin == null) {
            // "null" (sandboxed frames, file:) or garbage: an origin no owner can have allowed
            return OPAQUE;
        }
        return origin.equals(ownOrigin) ? null : origin;
    }

    /** An origin a page reported (not the browser): normalised, or {@link #OPAQUE} when it is none. */
    String normalized(String reported) {
        String origin = Origins.normalizeOrNull(reported);
        return origin == null ? OPAQUE : origin;
    }
}
