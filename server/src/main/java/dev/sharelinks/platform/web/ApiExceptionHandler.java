package dev.sharelinks.platform.web;

import dev.sharelinks.platform.ConflictException;
import dev.sharelinks.platform.ForbiddenException;
import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.config.JacksonConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every exception a request can end in becomes an {@link ApiError}: Spring MVC's own (through
 * {@link ResponseEntityExceptionHandler}, which knows their statuses and headers) and the platform's. It is the
 * handler of last resort: a room whose surface words or statuses differ (Cekura's DRF words, the public API's 410)
 * has its own advice, ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses responses;

    public ApiExceptionHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(request, ApiError.ofField(HttpStatus.BAD_REQUEST, e.field(), e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<Object> invalidCredentials(InvalidCredentialsException e, HttpServletRequest request) {
        return respond(request, ApiError.of(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? "a valid value"
                : type == java.util.UUID.class
                        ? "a UUID"
                        : Number.class.isAssignableFrom(type) ? "an integer" : "a valid " + type.getSimpleName();
        return respond(
                request,
                ApiError.ofField(
                        HttpStatus.BAD_REQUEST,
                        e.getName(),
                        "Invalid value for '" + e.getName() + "': must be " + expected));
    }

    /** Raised by the method validation of the generated @Validated interfaces (query parameter ranges). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return respond(request, ApiError.of(HttpStatus.BAD_REQUEST, "Invalid request"));
        }
        String field = null;
        for (Path.Node node : first.getPropertyPath()) {
            field = node.getName();
        }
        return respond(request, ApiError.ofField(HttpStatus.BAD_REQUEST, field, field + " " + first.getMessage()));
    }

    /** A multipart body without a boundary or one it does not use: raised before any handler is chosen. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException e, HttpServletRequest request) {
        return respond(request, responses.malformedMultipart(request, e));
    }

    /**
     * A Content-Type that does not parse (no subtype, an unknown charset): a type this service does not take, 415
     * like Spring's own content negotiation answers it, in the surface's words.
     */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<Object> malformedContentType(InvalidMediaTypeException e, HttpServletRequest request) {
        return respond(request, unparseableContentType(request));
    }

    private ApiError unparseableContentType(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return ApiError.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                responses.surface(request).malformedContentType(header == null ? "" : header));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Object> databaseDown(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getMessage());
        return respond(request, ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), RequestPath.of(request), e);
        return respond(request, ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"));
    }

    /** Spring MVC's exceptions arrive here with the right status; only the body and message are ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String path = RequestPath.of(servletRequest);
        ApiError error = ex instanceof HttpMediaTypeNotSupportedException media
                        && media.getContentType() == null
                        && servletRequest.getContentType() != null
                ? unparseableContentType(servletRequest)
                : describe(ex, status);
        return responses.entity(path, error, headers == null ? HttpHeaders.EMPTY : headers);
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, ApiError error) {
        return responses.entity(request, error);
    }

    private static ApiError describe(Exception ex, HttpStatus status) {
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (ex instanceof MethodArgumentNotValidException invalid) {
            FieldError first = invalid.getBindingResult().getFieldErrors().stream()
                    .findFirst()
                    .orElse(null);
            if (first != null) {
                return ApiError.ofField(status, first.getField(), first.getField() + " " + first.getDefaultMessage());
            }
            return ApiError.of(status, "Invalid request body");
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            String message = invalid.getParameterValidationResults().stream()
                    .map(r -> r.getMethodParameter().getParameterName() + " "
                            + r.getResolvableErrors().stream()
                                    .map(MessageSourceResolvable::getDefaultMessage)
                                    .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            String field = invalid.getParameterValidationResults().stream()
                    .map(r -> r.getMethodParameter().getParameterName())
                    .findFirst()
                    .orElse(null);
            return ApiError.ofField(status, field, message);
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return ApiError.ofField(
                    status,
                    missing.getParameterName(),
                    "Missing required parameter '" + missing.getParameterName() + "'");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return ApiError.of(status, "Method " + method.getMethod() + " is not allowed here");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException media) {
            return ApiError.of(
                    status,
                    "Content type " + media.getContentType() + " is not supported; send "
                            + media.getSupportedMediaTypes().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof NoResourceFoundException) {
            return ApiError.of(status, "Not found.");
        }
        return ApiError.of(status, status.getReasonPhrase());
    }

    private static ApiError unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            List<String> names = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .toList();
            String field = String.join(".", names).replace(".[", "[");
            String why = JacksonConfig.NUL_MESSAGE.equals(databind.getOriginalMessage())
                    ? ": " + JacksonConfig.NUL_MESSAGE
                    : "";
            return ApiError.ofField(HttpStatus.BAD_REQUEST, field, "Invalid value for '" + field + "'" + why);
        }
        if (cause instanceof DatabindException) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "Request body has the wrong JSON type: expected an object");
        }
        if (cause instanceof JacksonException) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "Malformed JSON request body");
        }
        return ApiError.of(HttpStatus.BAD_REQUEST, "Request body is missing or unreadable");
    }
}
