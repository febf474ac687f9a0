package dev.sharelinks.platform.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who authenticated the current request: an organisation's API key, a read token, or the operator. */
public final class CurrentCaller {

    /** The principal of a request authenticated with the admin token. */
    static final String OPERATOR = "admin";

    private CurrentCaller() {}

    public static ApiKeyPrincipal apiKey() {
        return apiKeyIfAny()
                .orElseThrow(() -> new IllegalStateException(
                        "No API key on this request: is the path covered by the API key filter chain?"));
    }

    public static Optional<ApiKeyPrincipal> apiKeyIfAny() {
        return principal() instanceof ApiKeyPrincipal principal ? Optional.of(principal) : Optional.empty();
    }

    /** The Cekura shareable-link token the request carries instead of an API key, if that is what it carries. */
    public static Optional<ResultTokenPrincipal> resultToken() {
        return principal() instanceof ResultTokenPrincipal principal ? Optional.of(principal) : Optional.empty();
    }

    public static boolean isOperator() {
        return OPERATOR.equals(principal());
    }

    /** Whether anyone authenticated the request at all (a scheduled job has no caller). */
    public static boolean isAnyone() {
        return principal() != null;
    }

    public static UUID organizationId() {
        return apiKey().organizationId();
    }

    private static Object principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getPrincipal();
    }
}
