package dev.sharelinks.platform.security;

import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers 401 in the addressed vendor's error shape, saying whether the credential was missing or wrong. */
final class AuthenticationFailures implements AuthenticationEntryPoint {

    /** Set by the filters when a credential was present but not accepted. */
    static final String FAILURE_MESSAGE = AuthenticationFailures.class.getName() + ".message";

    private final ErrorResponses errors;
    private final Function<HttpServletRequest, String> missingMessage;

    AuthenticationFailures(ErrorResponses errors, Function<HttpServletRequest, String> missingMessage) {
        this.errors = errors;
        this.missingMessage = missingMessage;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        Object message = request.getAttribute(FAILURE_MESSAGE);
        errors.write(
                request,
                response,
                ApiError.of(
                        HttpStatus.UNAUTHORIZED, message != null ? message.toString() : missingMessage.apply(request)));
    }
}
