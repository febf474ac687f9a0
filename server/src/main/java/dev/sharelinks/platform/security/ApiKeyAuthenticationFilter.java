package dev.sharelinks.platform.security;

import dev.sharelinks.platform.web.ApiSurface;
import dev.sharelinks.platform.web.ApiSurfaces;
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
 * Authenticates organisation API keys, presented the way the addressed surface presents them
 * ({@code Authorization: Bearer <key>} on the Anam surface, Cekura's own header on Cekura's). Keys are verified on
 * every request, so a revoked key fails on the very next one on every instance. A surface's read token (Cekura's
 * shareable-link token) may stand in for the key; the chain lets it reach reads only, and the room that serves the
 * read checks it against what is read.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyVerifier apiKeys;
    private final ApiSurfaces surfaces;
    private final SecurityMetrics metrics;

    ApiKeyAuthenticationFilter(ApiKeyVerifier apiKeys, ApiSurfaces surfaces, SecurityMetrics metrics) {
        this.apiKeys = apiKeys;
        this.surfaces = surfaces;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiSurface surface = surfaces.forRequest(request);
        String key = surface.apiKey(request);
        if (key != null) {
            apiKeys.verify(key)
                    .ifPresentOrElse(
                            found -> {
                                SecurityContextHolder.getContext()
                                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                                found, null, List.of(new SimpleGrantedAuthority("ROLE_API_KEY"))));
                                CredentialCheck.accepted(request);
                            },
                            () -> {
                                metrics.authFailure("api_key");
                                request.setAttribute(AuthenticationFailures.FAILURE_MESSAGE, surface.invalidApiKey());
                            });
        } else {
            String token = surface.readToken(request);
            if (token != null) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                new ResultTokenPrincipal(token),
                                null,
                                List.of(new SimpleGrantedAuthority("ROLE_RESULT_TOKEN"))));
            }
        }
        chain.doFilter(request, response);
    }
}
