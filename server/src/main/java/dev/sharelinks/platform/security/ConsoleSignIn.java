package dev.sharelinks.platform.security;

import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.config.ShareLinksProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The operator console's sign-in: the form's one field is the admin token, compared like the operator API's bearer
 * token (SHA-256 digests, {@link MessageDigest#isEqual}). Signed in, the session's caller is the operator, as on
 * the operator API: the audit trail records the console's changes as the operator's.
 */
public final class ConsoleSignIn implements AuthenticationProvider {

    /** Request attribute with the words of a refused sign-in, for the page that says so. */
    public static final String REFUSAL = ConsoleSignIn.class.getName() + ".refusal";

    private final ShareLinksProperties properties;
    private final SecurityMetrics metrics;

    ConsoleSignIn(ShareLinksProperties properties, SecurityMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!properties.adminApiEnabled()) {
            throw new BadCredentialsException("The console is off: set SHARELINKS_ADMIN_TOKEN to enable it.");
        }
        Object given = attempt.getCredentials();
        String token = given == null ? "" : given.toString();
        if (!MessageDigest.isEqual(digest(token), digest(properties.adminToken()))) {
            metrics.authFailure("admin_token");
            throw new BadCredentialsException("That is not the admin token.");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                CurrentCaller.OPERATOR, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String value) {
        return SecretTokens.sha256(value).getBytes(StandardCharsets.US_ASCII);
    }
}
