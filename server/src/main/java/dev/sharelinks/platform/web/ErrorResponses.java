package dev.sharelinks.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an {@link ApiError} into a response in the shape of the surface the request addressed. */
@Component
public class ErrorResponses {

    private final JsonMapper json;
    private final ApiSurfaces surfaces;

    public ErrorResponses(JsonMapper json, ApiSurfaces surfaces) {
        this.json = json;
        this.surfaces = surfaces;
    }

    public ResponseEntity<Object> entity(String path, ApiError error, HttpHeaders headers) {
        return ResponseEntity.status(error.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(surfaces.forPath(path).errorBody(error));
    }

    /**
     * A multipart body that cannot be read, in the surface's words: for the exception handler and for filters that
     * parse multipart themselves (Cekura's form adapter), so that both say the same.
     */
    public ApiError malformedMultipart(HttpServletRequest request, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? "the body does not follow its boundary" : cause.getMessage();
        return ApiError.of(
                HttpStatus.BAD_REQUEST,
                surface(request).malformedMultipart(hasBoundary(request.getContentType()), reason));
    }

    private static boolean hasBoundary(String contentType) {
        try {
            String boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
            return boundary != null && !boundary.isEmpty() && !boundary.equals("\"\"");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The surface the request addressed, for refusals worded by the surface. */
    public ApiSurface surface(HttpServletRequest request) {
        return surfaces.forRequest(request);
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error) {
        return entity(RequestPath.of(request), error, HttpHeaders.EMPTY);
    }

    /** For code outside Spring MVC (filters), which writes to the servlet response itself. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), surfaces.forRequest(request).errorBody(error));
    }
}
