package dev.sharelinks.platform.security;

import java.util.Optional;

/**
 * Tells whose an API key is. The organisation room implements it (it keeps the keys, as hashes); the filter chain
 * only asks.
 */
public interface ApiKeyVerifier {

    Optional<ApiKeyPrincipal> verify(String secret);
}
