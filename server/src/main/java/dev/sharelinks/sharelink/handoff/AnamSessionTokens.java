package dev.sharelinks.sharelink.handoff;

import dev.sharelinks.organization.AnamCredential;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.sharelink.handoff.HandOffFailedException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anam's own flow, server side: the organisation's API key buys a short-lived session token for one persona
 * ({@code POST /v1/auth/session-token}), which the browser hands to the JS SDK. Redirects are not followed; an answer
 * later than {@code sharelinks.anam.timeout} counts as none.
 */
@Component
class AnamSessionTokens {

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    AnamSessionTokens(ShareLinksProperties properties, JsonMapper json) {
        this.timeout = properties.anam().timeout();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String sessionToken(AnamCredential credential, UUID personaId) {
        String body = json.writeValueAsString(Map.of("personaConfig", Map.of("personaId", personaId.toString())));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(trimmed(credential.baseUrl()) + "/v1/auth/session-token"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + credential.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new HandOffFailedException(
                    Reason.VENDOR_UNAVAILABLE, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new HandOffFailedException(
                    Reason.VENDOR_UNAVAILABLE, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandOffFailedException(Reason.VENDOR_UNAVAILABLE, "interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                JsonNode token = json.readTree(response.body()).path("sessionToken");
                if (token.isString() && !token.asString().isBlank()) {
                    return token.asString();
                }
            } catch (RuntimeException notJson) {
                // falls through
            }
            throw new HandOffFailedException(Reason.VENDOR_UNAVAILABLE, "an answer without a sessionToken");
        }
        throw new HandOffFailedException(
                switch (status) {
                    case 402 -> Reason.VENDOR_NO_PLAN;
                    case 429 -> Reason.VENDOR_BUSY;
                    case 503 -> Reason.VENDOR_NO_CAPACITY;
                    default -> Reason.VENDOR_UNAVAILABLE;
                },
                "Anam answered " + status);
    }

    private static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
