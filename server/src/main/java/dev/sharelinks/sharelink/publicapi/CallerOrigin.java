package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.sharelink.Origins;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The origin a public request comes from, as far as embed rules care: null when the request carries no
 * {@code Origin} header or comes from the service's own pages (its public base URL, or the host it was sent to).
 */
@Component
class CallerOrigin {

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
            return "null";
        }
        String requested = Origins.normalizeOrNull(request.getScheme() + "://" + request.getHeader("Host"));
        return origin.equals(ownOrigin) || origin.equals(requested) ? null : origin;
    }
}
