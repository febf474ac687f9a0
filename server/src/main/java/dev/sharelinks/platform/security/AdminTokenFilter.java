package dev.sharelinks.platform.security;

import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.config.ShareLinksProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the operator: {@code Authorization: Bearer <SHARELINKS_ADMIN_TOKEN>}. Compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, which takes the same time wherever the inputs differ.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    private final ShareLinksProperties properties;
    private final SecurityMetrics metrics;

    AdminTokenFilter(ShareLinksProperties properties, SecurityMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.adminApiEnabled()) {
            request.setAttribute(
                    AuthenticationFailures.FAILURE_MESSAGE,
                    "The operator API is disabled: set SHARELINKS_ADMIN_TOKEN to enable it");
        } else {
            String token = BearerToken.from(request);
            if (token != null && MessageDigest.isEqual(digest(token), digest(properties.adminToken()))) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                CurrentCaller.OPERATOR, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
                CredentialCheck.accepted(request);
            } else if (token != null) {
                metrics.authFailure("admin_token");
                request.setAttribute(AuthenticationFailures.FAILURE_MESSAGE, "Invalid admin token");
            }
        }
        chain.doFilter(request, response);
    }

    private static byte[] digest(String value) {
        return SecretTokens.sha256(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
