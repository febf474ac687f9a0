package dev.sharelinks.security;

import dev.sharelinks.domain.AuditActor;
import dev.sharelinks.domain.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor for the audit trail, from the request's authentication; no authentication means the service. */
@Component
class SecurityContextActor implements CurrentActor {

    @Override
    public AuditActor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return AuditActor.SYSTEM;
        }
        if (auth.getPrincipal() instanceof ApiKeyPrincipal key) {
            return AuditActor.apiKey(key.apiKeyId());
        }
        if (AdminTokenFilter.ADMIN.equals(auth.getPrincipal())) {
            return AuditActor.ADMIN;
        }
        throw new IllegalStateException("A change made by "
                + auth.getPrincipal().getClass().getSimpleName() + ", which may not change anything");
    }
}
