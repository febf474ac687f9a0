package dev.sharelinks.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tomcat send an answer as one write with a {@code Content-Length}. Spring MVC flushes after writing a
 * {@code ResponseEntity} (every generated API method returns one), which commits the response before Tomcat
 * knows its length: the answer then goes out chunked, with a second write for the closing chunk. Nothing in
 * this service streams, so that flush is dropped; Tomcat sends the answer when the request completes (or by
 * itself as soon as its buffer fills). Measured in bench/README.md.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DeferredFlushFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void flushBuffer() {
                // held back: see the class comment
            }
        });
    }
}
