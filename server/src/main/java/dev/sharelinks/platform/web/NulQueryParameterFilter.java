package dev.sharelinks.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot compare or store text with NUL characters; a query parameter carrying one is a 400 here,
 * on every surface, rather than a database error. (Bodies are checked by the JSON reader, paths by the
 * firewall.) Only the query string is parsed: form bodies are left for their readers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class NulQueryParameterFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    public NulQueryParameterFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        // %00 is the only way to write NUL in a query string (a raw NUL byte is refused by Tomcat)
        if (query != null && query.contains("%00")) {
            errors.write(
                    request,
                    response,
                    ApiError.of(HttpStatus.BAD_REQUEST, "Query parameters must not contain NUL characters"));
            return;
        }
        chain.doFilter(request, response);
    }
}
