package dev.sharelinks.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any servlet sees them (an encoded NUL or other malformed URL,
 * headers it cannot parse). Its stock valve writes an HTML page; this one writes the vendor's JSON error shape,
 * so even those requests get what every other error gets. No details of the failure are written.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final ApiSurfaces surfaces;

    public JsonErrorReportValve(ApiSurfaces surfaces) {
        this.surfaces = surfaces;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // decoded where it can be, raw where it cannot (a URL Tomcat rejected may have no decoded form)
        String path = RequestPath.decode(request.getRequestURI(), request.getContextPath());
        ApiError error =
                ApiError.of(status, status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase());
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // outside Spring: Jackson's shared mapper, so the body is escaped like every other error body
            response.getWriter()
                    .write(JsonMapper.shared()
                            .writeValueAsString(surfaces.forPath(path).errorBody(error)));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more to say
        }
    }
}
