package dev.sharelinks.result.cekura;

import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ApiSurface;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Cekura surface, everything under {@code /test_framework/}: Django REST Framework's error bodies
 * ({"expire_at": ["..."]} for a field, {"detail": "..."} otherwise) and words, the {@code X-CEKURA-API-KEY} header,
 * and the shareable-link token that stands in for it on result reads.
 */
@Component
class CekuraSurface implements ApiSurface {

    static final String API_KEY_HEADER = "X-CEKURA-API-KEY";
    static final String SHARE_TOKEN_HEADER = "X-VOCERA-SHAREABLE-LINK-TOKEN";
    private static final String PREFIX = "/test_framework/";

    static boolean isCekura(String path) {
        return path != null && path.startsWith(PREFIX);
    }

    @Override
    public boolean owns(String path) {
        return isCekura(path);
    }

    @Override
    public Map<String, Object> errorBody(ApiError error) {
        if (error.field() != null) {
            return Map.of(error.field(), List.of(error.message()));
        }
        return Map.of("detail", error.message());
    }

    @Override
    public String apiKey(HttpServletRequest request) {
        return header(request, API_KEY_HEADER);
    }

    @Override
    public String readToken(HttpServletRequest request) {
        return header(request, SHARE_TOKEN_HEADER);
    }

    @Override
    public List<String> credentialHeaders() {
        return List.of(API_KEY_HEADER, SHARE_TOKEN_HEADER);
    }

    /** DRF's own words for a request without credentials. */
    @Override
    public String missingApiKey() {
        return "Authentication credentials were not provided.";
    }

    @Override
    public String invalidApiKey() {
        return "Invalid API key.";
    }

    /** DRF's own words: its MultiPartParser reports the boundary it found, Python's None when there is none. */
    @Override
    public String malformedMultipart(boolean hasBoundary, String reason) {
        return hasBoundary
                ? "Multipart form parse error - " + reason
                : "Multipart form parse error - Invalid boundary in multipart: None";
    }

    /** DRF's own words for a body it has no parser for. */
    @Override
    public String malformedContentType(String header) {
        return "Unsupported media type \"" + header + "\" in request.";
    }

    /** DRF's own words for a throttled request. */
    @Override
    public String throttled(long seconds) {
        return "Request was throttled. Expected available in " + seconds + " seconds.";
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
