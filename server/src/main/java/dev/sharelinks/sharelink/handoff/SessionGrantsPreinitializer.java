package dev.sharelinks.sharelink.handoff;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Makes the grant signer's Bouncy Castle provider on Spring Boot's background pre-initialisation thread, beside the
 * start's main thread (registered in {@code META-INF/spring.factories}). Without that thread (one CPU, or {@code
 * spring.backgroundpreinitializer.ignore}) the provider is made when the grant signer is.
 */
class SessionGrantsPreinitializer implements BackgroundPreinitializer {

    @Override
    public void preinitialize() {
        SessionGrants.BOUNCY_CASTLE.getName();
    }
}
