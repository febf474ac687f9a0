package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets at start-up, each in its own server process: a mistyped environment variable stops it and
 * names the setting meant; the default public base URL follows the port; a second process on the same embedded
 * database gets one sentence and a non-zero exit; no admin token gets one warning; {@code --help} prints the
 * settings and starts nothing.
 */
class StartUpExplainsItselfTests {

    @Test
    void aMistypedEnvironmentVariableStopsStartUpAndNamesTheSettingMeant() throws Exception {
        assertThatThrownBy(() -> ServerProcess.launch("env-typo")
                        .environment("SHARELINKS_RETENTON_PERIOD", "7d")
                        .start()
                        .close())
                .hasMessageContaining("server exited with 1");
        String log = log("env-typo");
        assertThat(log)
                .contains("SHARELINKS_RETENTON_PERIOD is set but is no setting of this service "
                        + "(did you mean SHARELINKS_RETENTION_PERIOD?)")
                .doesNotContain("\tat ");
    }

    @Test
    void environmentVariablesOfRealSettingsStartTheServerInEitherSpelling() throws Exception {
        try (ServerProcess server = ServerProcess.launch("env-known")
                .environment("SHARELINKS_RETENTION_PERIOD", "7d")
                .environment("SHARELINKS_RATELIMIT_AUTHFAILURESPERMINUTE", "40")
                .environment("SHARELINKS_WEBHOOKS_ALLOWED_RANGES_0", "10.0.0.0/8")
                .environment("SHARELINKS_REQUIRE_BROWSER", "false")
                .start()) {
            assertThat(server.output()).doesNotContain("no setting of this service");
        }
    }

    @Test
    void theDefaultPublicBaseUrlFollowsThePortAndNoAdminTokenGetsOneWarning(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.launch("base-url-port")
                .asConfigured()
                .database("jdbc:h2:file:" + dir.resolve("data").resolve("sharelinks"))
                .arguments("--sharelinks.key-encryption-key=" + ServerProcess.KEY_ENCRYPTION_KEY)
                .start()) {
            String output = server.output();
            assertThat(output).contains("Try: curl -s -X POST http://localhost:" + server.port() + "/v1/share-links");
            assertThat(output.lines().filter(line -> line.contains("The operator API (/admin/v1) is off")))
                    .hasSize(1);
        }
    }

    @Test
    void aSecondProcessOnTheSameEmbeddedDatabaseGetsOneSentence(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("sharelinks");
        try (ServerProcess first =
                ServerProcess.launch("data-first").database(url).start()) {
            assertThatThrownBy(() -> ServerProcess.launch("data-second")
                            .database(url)
                            .start()
                            .close())
                    .hasMessageContaining("server exited with 1");
            String log = log("data-second");
            assertThat(log).contains(dir.resolve("data") + " is in use by another process");
            assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
            // the first one is unharmed
            assertThat(first.output()).doesNotContain("ERROR");
        }
    }

    @Test
    void helpPrintsTheSettingsAndStartsNothing() throws Exception {
        Process help = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.sharelinks.ShareLinksApplication",
                        "--help"))
                .redirectErrorStream(true)
                .start();
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(help.getInputStream().readAllBytes());
        assertThat(help.exitValue()).isZero();
        assertThat(output)
                .startsWith("Usage: java -jar sharelinks-server.jar")
                .contains("--sharelinks.retention.period  (SHARELINKS_RETENTION_PERIOD)  default 30d")
                .contains("--sharelinks.admin-token  (SHARELINKS_ADMIN_TOKEN)")
                .doesNotContain("Tomcat")
                .doesNotContain("Started ShareLinksApplication");
    }

    private static String log(String name) throws Exception {
        return Files.readString(Path.of("target", "server-" + name + ".log"));
    }
}
