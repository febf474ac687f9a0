package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Data written by one run of the service is there, unchanged, for the next run on the same database. */
class RestartDurabilityTests {

    @Test
    void embeddedH2FileDatabaseSurvivesARestart(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("sharelinks").toAbsolutePath();
        survivesRestart("--spring.datasource.url=" + url);
    }

    @Test
    void postgresSurvivesARestart() {
        survivesRestart(
                "--spring.datasource.url=" + EmbeddedPostgres.newDatabase(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    private static void survivesRestart(String... datasource) {
        UUID orgId;
        dev.sharelinks.sharelink.ShareLink link;
        try (ConfigurableApplicationContext first = start(datasource)) {
            OrganizationService organizations = first.getBean(OrganizationService.class);
            orgId = organizations
                    .create("Durable", new Plan(false, true), "durable.example")
                    .id();
            UUID personaId = organizations
                    .putPersona(orgId, UUID.randomUUID(), "Durable persona")
                    .id();
            link = first.getBean(ShareLinkService.class).create(orgId, personaId, Duration.ofHours(10), 2);
        }
        try (ConfigurableApplicationContext second = start(datasource)) {
            assertThat(second.getBean(OrganizationService.class).get(orgId).customDomain())
                    .isEqualTo("durable.example");
            assertThat(second.getBean(ShareLinkService.class).get(orgId, link.id()))
                    .isEqualTo(link);
        }
    }

    private static ConfigurableApplicationContext start(String... datasource) {
        String[] args = new String[datasource.length + 4];
        System.arraycopy(datasource, 0, args, 0, datasource.length);
        args[datasource.length] = "--server.port=0";
        args[datasource.length + 1] = "--sharelinks.demo-data=false";
        args[datasource.length + 2] = "--spring.main.banner-mode=off";
        args[datasource.length + 3] =
                "--sharelinks.key-encryption-key=" + dev.sharelinks.support.ServerProcess.KEY_ENCRYPTION_KEY;
        return new SpringApplicationBuilder(ShareLinksApplication.class).run(args);
    }
}
