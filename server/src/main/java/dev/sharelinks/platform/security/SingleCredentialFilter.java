package dev.sharelinks.platform.security;

import dev.sharelinks.platform.web.ApiError;
import dev.sharelinks.platform.web.ApiSurfaces;
import dev.sharelinks.platform.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request with two values of one credential header ({@code Authorization}, {@code X-CEKURA-API-KEY}, ...) is a
 * 400, before anything reads either: taking the first would silently ignore the one a proxy added, taking the last
 * the one the client sent. One credential, one header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 9)
public class SingleCredentialFilter extends OncePerRequestFilter {

    private final ApiSurfaces surfaces;
    private final ErrorResponses errors;

    public SingleCredentialFilter(ApiSurfaces surfaces, ErrorResponses errors) {
        this.surfaces = surfaces;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : surfaces.credentialHeaders()) {
            if (occurrences(request.getHeaders(header)) > 1) {
                errors.write(
                        request,
                        response,
                        ApiError.of(HttpStatus.BAD_REQUEST, "Send one " + header + " header, not several"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static int occurrences(Enumeration<String> values) {
        int count = 0;
        while (values != null && values.hasMoreElements()) {
            values.nextElement();
            count++;
        }
        return count;
    }
}
