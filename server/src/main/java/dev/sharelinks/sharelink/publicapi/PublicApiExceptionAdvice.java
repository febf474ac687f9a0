package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.generated.publiclinks.api.PublicApiController;
import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ErrorResponses;
import dev.sharelinks.sharelink.LinkUnavailableException;
import dev.sharelinks.sharelink.handoff.HandOffFailedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A link that no longer opens is 410 Gone on the public API, with the reason a page or widget can show. */
@RestControllerAdvice(assignableTypes = PublicApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicApiExceptionAdvice {

    private final ErrorResponses responses;

    PublicApiExceptionAdvice(ErrorResponses responses) {
        this.responses = responses;
    }

    /** Anam gave no token: 502 with words for the visitor; the use was already given back. */
    @ExceptionHandler(HandOffFailedException.class)
    ResponseEntity<Object> handOffFailed(HandOffFailedException e, HttpServletRequest request) {
        return responses.entity(
                request,
                new ApiError(
                        HttpStatus.BAD_GATEWAY,
                        e.reason().words(),
                        null,
                        e.reason().code()));
    }

    @ExceptionHandler(LinkUnavailableException.class)
    ResponseEntity<Object> unavailable(LinkUnavailableException e, HttpServletRequest request) {
        return responses.entity(
                request,
                new ApiError(HttpStatus.GONE, e.getMessage(), null, e.reason().code()));
    }
}
