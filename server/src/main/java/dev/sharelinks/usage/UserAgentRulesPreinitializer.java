package dev.sharelinks.usage;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Reads the User-Agent rules on Spring Boot's background pre-initialisation thread, beside the start's main thread
 * (registered in {@code META-INF/spring.factories}). Without that thread they are read when the use log is made.
 */
class UserAgentRulesPreinitializer implements BackgroundPreinitializer {

    @Override
    public void preinitialize() {
        UserAgents.PARSER.getClass();
    }
}
