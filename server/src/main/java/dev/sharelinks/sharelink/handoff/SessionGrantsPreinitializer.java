package dev.sharelinks.sharelink.handoff;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads the grant signer's provider ({@link GrantSigningProvider}) on Spring Boot's background pre-initialisation
 * thread, beside the start's main thread (registered in {@code META-INF/spring.factories}). Without that thread (one
 * CPU, or {@code spring.backgroundpreinitializer.ignore}) the provider is loaded when the grant signer is.
 */
class SessionGrantsPreinitializer implements BackgroundPreinitializer {

    @Override
    public void preinitialize() {
        GrantSigningProvider.IN_USE.getName();
    }
}
