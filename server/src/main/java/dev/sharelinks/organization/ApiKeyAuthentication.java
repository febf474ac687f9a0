package dev.sharelinks.organization;

import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.security.ApiKeyPrincipal;
import dev.sharelinks.platform.security.ApiKeyVerifier;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** API keys are looked up by their SHA-256 hash, so a revoked (deleted) key fails on the very next request. */
@Component
class ApiKeyAuthentication implements ApiKeyVerifier {

    private final ApiKeyRepository apiKeys;

    ApiKeyAuthentication(ApiKeyRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Optional<ApiKeyPrincipal> verify(String secret) {
        return apiKeys.findByHash(SecretTokens.sha256(secret))
                .map(key -> new ApiKeyPrincipal(key.id(), key.organizationId()));
    }
}
