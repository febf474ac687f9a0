package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sharelinks.ShareLinksApplication;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;

/** Wrong configuration stops start-up with a message that names it; IDEs get metadata for every property. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ConfigurationTests {

    @Test
    void anInvalidPublicBaseUrlStopsStartUp() {
        assertThatThrownBy(() -> start("--sharelinks.public-base-url=ftp://files.example"))
                .rootCause()
                .hasMessageContaining("publicBaseUrlValid")
                .hasMessageContaining("http(s)");
    }

    @Test
    void anUnknownSharelinksPropertyStopsStartUp() {
        assertThatThrownBy(() -> start("--sharelinks.admin-tokn=typo")).hasStackTraceContaining("admin-tokn");
    }

    @Test
    void everyPropertyHasMetadataWithADescription() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            JsonNode metadata = new ObjectMapper().readTree(in);
            assertThat(metadata.path("properties"))
                    .extracting(p -> p.path("name").asText())
                    .contains("sharelinks.admin-token", "sharelinks.public-base-url", "sharelinks.demo-data");
            metadata.path("properties").forEach(p -> {
                if (p.path("name").asText().equals("sharelinks.demo-data")) {
                    assertThat(p.path("defaultValue").asBoolean(false))
                            .as("the default application.yml sets")
                            .isTrue();
                }
                if (p.path("name").asText().startsWith("sharelinks.")) {
                    assertThat(p.path("description").asText())
                            .as(p.path("name").asText())
                            .isNotBlank();
                }
            });
        }
    }

    @Test
    void invalidNestedValuesStopStartUp() {
        assertThatThrownBy(() -> start("--sharelinks.tokens.share-token-length=8"))
                .hasStackTraceContaining("shareTokenLength");
        assertThatThrownBy(() -> start("--sharelinks.retention.purge-interval=0s"))
                .hasStackTraceContaining("purge-interval");
        assertThatThrownBy(() -> start("--sharelinks.rate-limit.trusted-proxys=10.0.0.1"))
                .hasStackTraceContaining("trusted-proxys");
    }

    /** A database backup alone must not let anyone sign: on PostgreSQL the key-encryption key is required. */
    @Test
    void withoutTheKeyEncryptionKeyAPostgresInstanceDoesNotStartAndSaysWhatToDo(CapturedOutput output) {
        String url = dev.sharelinks.support.EmbeddedPostgres.newDatabase();
        assertThatThrownBy(() -> new SpringApplicationBuilder(ShareLinksApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres",
                                "--sharelinks.demo-data=false")
                        .close())
                .hasStackTraceContaining("SHARELINKS_KEY_ENCRYPTION_KEY is not set");
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "APPLICATION FAILED TO START",
                        "SHARELINKS_KEY_ENCRYPTION_KEY is not set",
                        "openssl rand -base64 32")
                .doesNotContain("\tat dev.sharelinks");
        assertThatThrownBy(() -> start("--sharelinks.key-encryption-key=dG9vIHNob3J0"))
                .hasStackTraceContaining("must be 32 bytes");
    }

    /** The README's configuration reference grows with the properties: none may be missing from it. */
    @Test
    void theReadmeDocumentsEveryProperty() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            new ObjectMapper().readTree(in).path("properties").forEach(p -> {
                String name = p.path("name").asText();
                if (name.startsWith("sharelinks.")) {
                    assertThat(readme).as("README configuration reference").contains("| `" + name + "`");
                }
            });
        }
    }

    private static void start(String setting) {
        new SpringApplicationBuilder(ShareLinksApplication.class)
                .run(
                        setting,
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:config-" + System.nanoTime(),
                        "--sharelinks.demo-data=false")
                .close();
    }
}
