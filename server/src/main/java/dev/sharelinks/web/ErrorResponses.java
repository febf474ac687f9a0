package dev.sharelinks.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an {@link ApiError} into a response in the shape of the surface the request addressed. */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public ResponseEntity<Object> entity(String path, ApiError error, HttpHeaders headers) {
        return ResponseEntity.status(error.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(VendorErrorFormat.forPath(path).body(error));
    }

    /** For code outside Spring MVC (security filters), which writes to the servlet response itself. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(
                response.getOutputStream(),
                VendorErrorFormat.forPath(pathOf(request)).body(error));
    }

    public static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
