package dev.sharelinks.platform.web;

import dev.sharelinks.platform.security.BearerToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A surface the service speaks on: which requests are its (by path), the shape of its error bodies, how callers
 * present credentials there, and the words of the refusals raised before any controller runs. The defaults are
 * the service's own shape, which the Anam API shares: {"error": "Not Found", "message": "Share link not found"}
 * and a Bearer API key. A vendor room whose surface differs registers a bean of this type; which surface a request
 * gets depends only on its path, so every error of a surface looks the same wherever it is raised (filters,
 * controllers, the error page, Tomcat).
 */
public interface ApiSurface {

    /** @param path the request's path within the application */
    boolean owns(String path);

    default Map<String, Object> errorBody(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.status().getReasonPhrase());
        body.put("message", error.message());
        if (error.reason() != null) {
            body.put("reason", error.reason());
        }
        return body;
    }

    /** The API key the request presents on this surface, or null. */
    default String apiKey(HttpServletRequest request) {
        return BearerToken.from(request);
    }

    /** A credential that stands in for an API key on this surface's reads (a share token), or null. */
    default String readToken(HttpServletRequest request) {
        return null;
    }

    /** The request headers that carry credentials on this surface. */
    default List<String> credentialHeaders() {
        return List.of(HttpHeaders.AUTHORIZATION);
    }

    default String missingApiKey() {
        return "Missing API key";
    }

    default String invalidApiKey() {
        return "Invalid API key";
    }

    /**
     * A multipart body that cannot be read.
     *
     * @param hasBoundary whether the content type names a boundary at all
     * @param reason      what the parser said, in plain words
     */
    default String malformedMultipart(boolean hasBoundary, String reason) {
        return hasBoundary
                ? "Malformed multipart body: " + reason
                : "Malformed multipart body: the Content-Type names no boundary";
    }

    /** A Content-Type header that is not a media type this service can read (no subtype, an unknown charset). */
    default String malformedContentType(String header) {
        return "Content-Type '" + header + "' is not a valid media type; send application/json";
    }

    default String throttled(long seconds) {
        return "Too many requests: retry in " + seconds + " seconds";
    }
}
