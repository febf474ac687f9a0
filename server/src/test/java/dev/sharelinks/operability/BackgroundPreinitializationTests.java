package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The start's slow one-time work that no bean needs at once (the grant signer's provider, the User-Agent rules) is
 * registered with Spring Boot's background pre-initialisation, which loads it from {@code spring.factories}: a
 * misspelt or unloadable entry would only show as a slower start.
 */
class BackgroundPreinitializationTests {

    @Test
    void theServersPreinitializersAreRegisteredAndRun() {
        List<BackgroundPreinitializer> preinitializers =
                SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class);

        assertThat(preinitializers)
                .extracting(preinitializer -> preinitializer.getClass().getName())
                .contains(
                        "dev.sharelinks.sharelink.handoff.SessionGrantsPreinitializer",
                        "dev.sharelinks.usage.UserAgentRulesPreinitializer");
        for (BackgroundPreinitializer preinitializer : preinitializers) {
            if (preinitializer.getClass().getName().startsWith("dev.sharelinks.")) {
                assertThatCode(preinitializer::preinitialize).doesNotThrowAnyException();
            }
        }
    }
}
