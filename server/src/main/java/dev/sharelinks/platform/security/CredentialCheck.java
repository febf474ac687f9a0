package dev.sharelinks.platform.security;

import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A credential check paid for in advance: the rate limit takes a token from the client's failure bucket before the
 * credential is looked at, so concurrent wrong guesses cannot overshoot the limit. The check gives the token back
 * as soon as the credential is accepted (the authentication filters say so right after the lookup; anything else
 * when the request ends without a 401), so a busy client with a good key holds a token only for a lookup's time.
 */
final class CredentialCheck {

    private static final String ATTRIBUTE = CredentialCheck.class.getName();

    private final Bucket failures;
    private final AtomicBoolean settled = new AtomicBoolean();

    private CredentialCheck(Bucket failures) {
        this.failures = failures;
    }

    static CredentialCheck paidFrom(Bucket failures, HttpServletRequest request) {
        CredentialCheck check = new CredentialCheck(failures);
        request.setAttribute(ATTRIBUTE, check);
        return check;
    }

    /** The request's credential was accepted: its token goes back (once). */
    static void accepted(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof CredentialCheck check) {
            check.accepted();
        }
    }

    void accepted() {
        if (settled.compareAndSet(false, true)) {
            try {
                failures.addTokens(1);
            } catch (RuntimeException unreachable) {
                // shared buckets out of reach (the database): the token stays spent, the request is not failed for it
            }
        }
    }

    /** The credential was refused: the token stays spent. */
    void refused() {
        settled.set(true);
    }
}
