package dev.sharelinks.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Addresses an operator configures for the service to send visitors or requests to: absolute https URLs (http only
 * for this machine, for development and tests), no user info, no fragment, at most 2 KB.
 */
public final class WebAddresses {

    public static final int MAX_LENGTH = 2048;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebAddresses() {}

    /** @throws InvalidInputException naming {@code field} when the URL breaks a rule */
    public static String check(String field, String url) {
        return check(field, url, true);
    }

    /**
     * @param httpToThisMachine whether plain http is allowed for this machine's addresses
     * @throws InvalidInputException naming {@code field} when the URL breaks a rule
     */
    public static String check(String field, String url, boolean httpToThisMachine) {
        if (url == null) {
            return null;
        }
        String problem = field
                + (httpToThisMachine
                        ? " must be an https URL (http only for localhost), without a fragment, at most "
                        : " must be an https URL, without user info or a fragment, at most ")
                + MAX_LENGTH + " characters";
        if (url.isBlank() || url.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, problem);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean thisMachine = LOCAL_HOSTS.contains(host) || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        boolean allowedScheme = "https".equals(scheme) || ("http".equals(scheme) && httpToThisMachine && thisMachine);
        if (!uri.isAbsolute()
                || host.isEmpty()
                || !allowedScheme
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null
                || (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535))) {
            throw new InvalidInputException(field, problem);
        }
        return uri.toString();
    }

    /** The origin of a checked URL ({@code scheme://host[:port]}), for a CSP. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }
}
