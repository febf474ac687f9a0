package dev.sharelinks.result.cekura;

import dev.sharelinks.generated.cekura.api.ResultsApiController;
import dev.sharelinks.platform.ForbiddenException;
import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ErrorResponses;
import dev.sharelinks.result.ResultLinkExpiredException;
import dev.sharelinks.result.ResultLinkExpiryException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The results domain's refusals in Cekura's statuses and DRF's words. */
@RestControllerAdvice(assignableTypes = ResultsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CekuraExceptionAdvice {

    /** DRF's message for any lookup that finds nothing. */
    static final String NOT_FOUND = "Not found.";

    private final ErrorResponses responses;

    CekuraExceptionAdvice(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.NOT_FOUND, NOT_FOUND));
    }

    /**
     * DRF looks a result up by whatever the path holds: an id that is not an integer (or too large for one) finds
     * nothing, a 404 like any unknown id, not a 400. (The caller is authenticated first, by the filters, as DRF's
     * permission checks come before its lookup.)
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> idNotAnInteger(HttpServletRequest request) {
        return notFound(request);
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<Object> invalidToken(HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.UNAUTHORIZED, "Invalid shareable link token."));
    }

    /** Cekura answers an expired link with 403 (our public API says 410 Gone). */
    @ExceptionHandler(ResultLinkExpiredException.class)
    ResponseEntity<Object> expired(HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.FORBIDDEN, "This shareable link has expired."));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> planForbids(HttpServletRequest request) {
        return respond(
                request,
                ApiError.of(
                        HttpStatus.FORBIDDEN,
                        "Shareable links require an active subscription with whitelabel reports enabled."));
    }

    @ExceptionHandler(ResultLinkExpiryException.class)
    ResponseEntity<Object> expiryNotAllowed(ResultLinkExpiryException e, HttpServletRequest request) {
        String message = switch (e.reason()) {
            case NOT_IN_THE_FUTURE -> "Expiration must be in the future.";
            case TOO_FAR_AHEAD -> "Expiration must be at most 365 days from now.";
        };
        return respond(request, ApiError.ofField(HttpStatus.BAD_REQUEST, "expire_at", message));
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, ApiError error) {
        return responses.entity(request, error);
    }
}
