package dev.sharelinks.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever reaches the servlet container's error page (errors outside Spring MVC, such as a request the
 * container itself rejects) still answers in the vendor's JSON shape, never an HTML page.
 */
@RestController
public class JsonErrorController implements ErrorController {

    private final ErrorResponses responses;

    public JsonErrorController(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return responses.entity(
                uri == null ? "/error" : RequestPath.decode(uri.toString(), request.getContextPath()),
                ApiError.of(status, message),
                HttpHeaders.EMPTY);
    }
}
