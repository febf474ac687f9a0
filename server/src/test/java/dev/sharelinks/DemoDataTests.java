package dev.sharelinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.platform.SecretTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** First start of the embedded default: demo organisation, persona and a working key in a private file. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests {

    @Test
    void createdOnceOnAnEmptyEmbeddedDatabase(@TempDir Path dir, CapturedOutput output) throws Exception {
        String url =
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath();
        String key;
        try (ConfigurableApplicationContext first = start(url)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organizations")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from personas")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            Path keyFile = dir.resolve("demo-api-key");
            key = java.nio.file.Files.readString(keyFile).strip();
            assertThat(key).matches("sk_[0-9A-Za-z]{32}");
            assertThat(java.nio.file.Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            // the log says where the key is, never what it is
            assertThat(output.getOut()).contains("demo-api-key").doesNotContain(key);
            assertThat(jdbc.sql("select count(*) from api_keys where key_hash = :h")
                            .param("h", SecretTokens.sha256(key))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        int logged = output.getOut().split("Demo data created").length - 1;
        try (ConfigurableApplicationContext second = start(url)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organizations")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(output.getOut().split("Demo data created").length - 1).isEqualTo(logged);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(ShareLinksApplication.class)
                .run(url, "--server.port=0", "--sharelinks.demo-data=true");
    }
}
