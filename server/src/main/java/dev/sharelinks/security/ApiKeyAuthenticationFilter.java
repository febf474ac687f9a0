package dev.sharelinks.security;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.sharelinks.domain.SecretTokens;
import dev.sharelinks.persistence.ApiKeyRepository;
import dev.sharelinks.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates organisation API keys: {@code Authorization: Bearer <key>} on the Anam surface,
 * {@code X-CEKURA-API-KEY: <key>} on the Cekura surface. Keys are looked up by their SHA-256 hash, so a
 * revoked (deleted) key fails on the very next request on every instance.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String CEKURA_HEADER = "X-CEKURA-API-KEY";

    private final ApiKeyRepository apiKeys;

    ApiKeyAuthenticationFilter(ApiKeyRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (key != null) {
            apiKeys.findByHash(SecretTokens.sha256(key)).ifPresentOrElse(
                    found -> SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(
                                    new ApiKeyPrincipal(found.id(), found.organizationId()), null,
                                    List.of(new SimpleGrantedAuthority("ROLE_API_KEY")))),
                    () -> request.setAttribute(AuthenticationFailures.FAILURE_MESSAGE, invalidMessage(request)));
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

    private static boolean isCekura(HttpServletRequest request) {
        return ErrorResponses.pathOf(request).startsWith("/test_framework/");
    }
}
