package dev.sharelinks.sharelink;

import dev.sharelinks.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web origins ({@code scheme://host[:port]}) as browsers send them in the {@code Origin} header. */
public final class Origins {

    private Origins() {}

    /**
     * The canonical form of an origin: lower case, no default port, no trailing slash.
     *
     * @throws InvalidInputException when the text is not an http(s) origin
     */
    public static String normalize(String text) {
        String problem =
                "allowedOrigins must contain origins like https://example.com (scheme, host, optional port, no path): "
                        + (text == null ? "null" : '"' + text + '"');
        if (text == null || text.isBlank() || text.length() > 300) {
            throw new InvalidInputException("allowedOrigins", problem);
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("allowedOrigins", problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean onlyOrigin = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !onlyOrigin) {
            throw new InvalidInputException("allowedOrigins", problem);
        }
        int port = uri.getPort();
        if (port == 0 || port > 65_535) {
            throw new InvalidInputException("allowedOrigins", problem);
        }
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Like {@link #normalize}, but null for anything that is not an origin (headers are not user input to report). */
    public static String normalizeOrNull(String text) {
        try {
            return text == null ? null : normalize(text);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
