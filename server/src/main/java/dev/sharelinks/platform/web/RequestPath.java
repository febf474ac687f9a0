package dev.sharelinks.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;

/**
 * The path every decision by path is made on (rate limits, log redaction, error shape, body adapters): the path
 * within the application as Spring MVC's handler mapping sees it, each segment percent-decoded and without matrix
 * parameters. {@code /v1/%70ublic/share-links/x} and {@code /share;x=1/t} are {@code /v1/public/share-links/x}
 * and {@code /share/t} here, as they are to the controllers. (Spring Security's firewall refuses the rest:
 * encoded slashes, periods and percents, dot segments, double slashes.)
 */
public final class RequestPath {

    private static final String ATTRIBUTE = RequestPath.class.getName();

    private RequestPath() {}

    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String path = decode(request.getRequestURI(), request.getContextPath());
        request.setAttribute(ATTRIBUTE, path);
        return path;
    }

    /** A raw request URI (no query) as {@link #of} would see it; the raw text when it cannot be decoded. */
    public static String decode(String rawUri, String contextPath) {
        if (rawUri == null) {
            return "";
        }
        try {
            PathContainer path = org.springframework.http.server.RequestPath.parse(rawUri, contextPath)
                    .pathWithinApplication();
            StringBuilder decoded = new StringBuilder(rawUri.length());
            for (PathContainer.Element element : path.elements()) {
                decoded.append(
                        element instanceof PathContainer.PathSegment segment
                                ? segment.valueToMatch()
                                : element.value());
            }
            return decoded.toString();
        } catch (IllegalArgumentException malformed) {
            return rawUri;
        }
    }
}
