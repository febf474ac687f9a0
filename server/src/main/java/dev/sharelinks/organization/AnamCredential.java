package dev.sharelinks.organization;

import java.time.Instant;

/**
 * The organisation's own Anam API key, decrypted for the one request that needs it; never returned by any API.
 *
 * @param baseUrl the Anam API to ask for session tokens (https://api.anam.ai unless the operator set another)
 */
public record AnamCredential(String apiKey, String baseUrl, Instant updatedAt) {

    public static final String DEFAULT_BASE_URL = "https://api.anam.ai";

    @Override
    public String toString() {
        return "AnamCredential[apiKey=***, baseUrl=" + baseUrl + ", updatedAt=" + updatedAt + "]";
    }
}
