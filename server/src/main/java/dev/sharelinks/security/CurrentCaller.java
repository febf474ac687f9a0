package dev.sharelinks.security;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The organisation whose API key authenticated the current request. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static ApiKeyPrincipal apiKey() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApiKeyPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("No API key on this request: is the path covered by the API key filter chain?");
    }

    /** The Cekura shareable-link token the request carries instead of an API key, if that is what it carries. */
    public static java.util.Optional<ResultTokenPrincipal> resultToken() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ResultTokenPrincipal principal
                ? java.util.Optional.of(principal)
                : java.util.Optional.empty();
    }

    public static UUID organizationId() {
        return apiKey().organizationId();
    }
}
