package dev.sharelinks.sharelink;

import java.net.URI;

/**
 * What a use's request says about who made it, for the use log: the host of the page it came from and the browser's
 * User-Agent. Neither is checked (both are the caller's word); no address is kept.
 *
 * @param referrerHost the referring page's host, lower case, or null
 * @param userAgent    the User-Agent header, at most 512 characters, or null
 */
public record Visitor(String referrerHost, String userAgent) {

    public static final Visitor UNKNOWN = new Visitor(null, null);

    private static final int MAX_USER_AGENT = 512;

    /** From header values as sent (either may be null or nonsense: then that part is unknown). */
    public static Visitor of(String referrer, String userAgent) {
        String agent = userAgent == null || userAgent.isBlank()
                ? null
                : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        return new Visitor(hostOf(referrer), agent);
    }

    /** The host of an absolute http(s) URL, or of a bare host name; null for anything else. */
    static String hostOf(String referrer) {
        if (referrer == null || referrer.isBlank() || referrer.length() > 2048) {
            return null;
        }
        try {
            URI uri = referrer.contains("://") ? new URI(referrer) : new URI("https://" + referrer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("https") || scheme.equals("http")) || host == null || host.length() > 253) {
                return null;
            }
            return host.toLowerCase(java.util.Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
