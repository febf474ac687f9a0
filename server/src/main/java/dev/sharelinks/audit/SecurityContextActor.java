package dev.sharelinks.audit;

import dev.sharelinks.platform.security.CurrentCaller;
import org.springframework.stereotype.Component;

/** The actor for the audit trail, from the request's authentication; no authentication means the service. */
@Component
class SecurityContextActor implements CurrentActor {

    @Override
    public AuditActor get() {
        if (!CurrentCaller.isAnyone()) {
            return AuditActor.SYSTEM;
        }
        if (CurrentCaller.isOperator()) {
            return AuditActor.ADMIN;
        }
        return CurrentCaller.apiKeyIfAny()
                .map(key -> AuditActor.apiKey(key.apiKeyId()))
                .orElseThrow(() -> new IllegalStateException("A change made by a caller that may not change anything"));
    }
}
