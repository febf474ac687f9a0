package dev.sharelinks.platform.web;

import dev.sharelinks.platform.config.ShareLinksProperties;
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
 * Refuses request bodies above {@code sharelinks.limits.max-request-size} with 413, in the surface's error
 * shape, before anything reads them. A declared Content-Length is checked at once; a chunked body is read up
 * to the limit (and one byte more) and handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ErrorResponses errors;

    public RequestSizeLimitFilter(ShareLinksProperties properties, ErrorResponses errors) {
        this.maxBytes = properties.limits().maxRequestSize().toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the rest of the body is not read: Tomcat closes the connection rather than swallow it
        response.setHeader("Connection", "close");
        errors.write(
                request,
                response,
                ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large: at most " + maxBytes + " bytes"));
    }
}
