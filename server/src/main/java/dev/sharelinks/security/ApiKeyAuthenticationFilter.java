package dev.sharelinks.security;

import dev.sharelinks.domain.SecretTokens;
import dev.sharelinks.domain.ShareLinkMetrics;
import dev.sharelinks.persistence.ApiKeyRepository;
import dev.sharelinks.web.ErrorResponses;
import dev.sharelinks.web.VendorErrorFormat;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates organisation API keys: {@code Authorization: Bearer <key>} on the Anam surface,
 * {@code X-CEKURA-API-KEY: <key>} on the Cekura surface. Keys are looked up by their SHA-256 hash, so a
 * revoked (deleted) key fails on the very next request on every instance. On the Cekura surface a
 * shareable-link token ({@code X-VOCERA-SHAREABLE-LINK-TOKEN}) may stand in for the key on result reads.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String CEKURA_HEADER = "X-CEKURA-API-KEY";
    public static final String RESULT_TOKEN_HEADER = "X-VOCERA-SHAREABLE-LINK-TOKEN";

    private final ApiKeyRepository apiKeys;
    private final ShareLinkMetrics metrics;

    ApiKeyAuthenticationFilter(ApiKeyRepository apiKeys, ShareLinkMetrics metrics) {
        this.apiKeys = apiKeys;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (key != null) {
            apiKeys.findByHash(SecretTokens.sha256(key))
                    .ifPresentOrElse(
                            found -> SecurityContextHolder.getContext()
                                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                            new ApiKeyPrincipal(found.id(), found.organizationId()),
                                            null,
                                            List.of(new SimpleGrantedAuthority("ROLE_API_KEY")))),
                            () -> {
                                metrics.authFailure("api_key");
                                request.setAttribute(AuthenticationFailures.FAILURE_MESSAGE, invalidMessage(request));
                            });
        } else if (isCekura(request)) {
            String token = request.getHeader(RESULT_TOKEN_HEADER);
            if (token != null && !token.isBlank()) {
                // checked against the result being read, in the domain; the chain lets it reach reads only
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                new ResultTokenPrincipal(token.strip()),
                                null,
                                List.of(new SimpleGrantedAuthority("ROLE_RESULT_TOKEN"))));
            }
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        if (isCekura(request)) {
            String key = request.getHeader(CEKURA_HEADER);
            return key == null || key.isBlank() ? null : key.strip();
        }
        return BearerToken.from(request);
    }

    private static String invalidMessage(HttpServletRequest request) {
        return isCekura(request) ? "Invalid API key." : "Invalid API key";
    }

    /** DRF's own words for a request without credentials. */
    static String missingMessage(HttpServletRequest request) {
        return isCekura(request) ? "Authentication credentials were not provided." : "Missing API key";
    }

    private static boolean isCekura(HttpServletRequest request) {
        return VendorErrorFormat.isCekura(ErrorResponses.pathOf(request));
    }
}
