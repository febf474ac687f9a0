package dev.sharelinks.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An error on its way to the caller, before it takes a vendor's shape.
 *
 * @param field  the request field at fault, when there is one (DRF puts messages under it)
 * @param reason machine-readable reason for a 410 on the public side, or null
 */
public record ApiError(HttpStatus status, String message, String field, String reason) {

    public static ApiError of(HttpStatus status, String message) {
        return new ApiError(status, message, null, null);
    }

    public static ApiError ofField(HttpStatus status, String field, String message) {
        return new ApiError(status, message, field, null);
    }
}
