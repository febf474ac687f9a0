package dev.sharelinks.platform.security;

/**
 * A caller holding a Cekura shareable-link token ({@code X-VOCERA-SHAREABLE-LINK-TOKEN}) instead of an API key.
 * The token is checked where the result is read: it grants one result, until it expires.
 */
public record ResultTokenPrincipal(String token) {

    @Override
    public String toString() {
        return "ResultTokenPrincipal[token=***]";
    }
}
