package dev.sharelinks.sharelink.handoff;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs session grants. Signing is a large part of a claim's CPU: ES256 takes ~35 µs with the
 * Amazon Corretto Crypto Provider (AWS-LC, native), ~140 µs with Bouncy Castle and ~700 µs with JDK 17's own P-256
 * here (bench/README.md). The native library exists for Linux on x86-64 only and is unpacked into the temporary
 * directory, so wherever it does not load Bouncy Castle signs instead, with the same key and the same ES256
 * signatures. Neither is registered with {@link java.security.Security}: only the grant signer uses it.
 */
final class GrantSigningProvider {

    private static final Logger log = LoggerFactory.getLogger(GrantSigningProvider.class);

    /** Made once; its loading (~0.25 s with the self tests) is done by {@link SessionGrantsPreinitializer} on Boot's background thread. */
    static final Provider IN_USE = choose(GrantSigningProvider::nativeProvider, BouncyCastleProvider::new);

    private GrantSigningProvider() {}

    /** The native provider when it loads and passes its self tests, otherwise the fallback (and one line why). */
    static Provider choose(Supplier<Provider> nativeProvider, Supplier<Provider> fallback) {
        try {
            Provider provider = nativeProvider.get();
            log.info("Session grants are signed with {}", provider.getName());
            return provider;
        } catch (RuntimeException | LinkageError e) {
            Provider provider = fallback.get();
            log.info(
                    "Session grants are signed with {} (the native provider is not available here: {})",
                    provider.getName(),
                    e.toString());
            return provider;
        }
    }

    private static Provider nativeProvider() {
        AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
        // throws when the library did not load or a self test failed
        provider.assertHealthy();
        return provider;
    }
}
