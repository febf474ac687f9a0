package dev.sharelinks.organization;

import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.security.ApiKeyPrincipal;
import dev.sharelinks.platform.security.ApiKeyVerifier;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * API keys are looked up by their SHA-256 hash on every request, so a revoked key fails on the very next one. A key
 * whose last use the lookup shows as a minute old or more gets the time of this one (at most one write a minute).
 */
@Component
class ApiKeyAuthentication implements ApiKeyVerifier {

    private final ApiKeyRepository apiKeys;
    private final MillisecondClock clock;

    ApiKeyAuthentication(ApiKeyRepository apiKeys, MillisecondClock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Override
    public Optional<ApiKeyPrincipal> verify(String secret) {
        return apiKeys.findByHash(SecretTokens.sha256(secret)).map(key -> {
            Instant now = clock.now();
            if (key.lastUsedAt() == null || !key.lastUsedAt().isAfter(now.minusSeconds(60))) {
                apiKeys.touch(key.id(), now);
            }
            return new ApiKeyPrincipal(key.id(), key.organizationId());
        });
    }
}
