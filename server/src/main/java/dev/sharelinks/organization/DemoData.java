package dev.sharelinks.organization;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded (H2) default with an empty database: a demo organisation, persona and
 * API key, so a newcomer can call the API straight away. Never on PostgreSQL. The key is written to
 * {@code demo-api-key} beside the database file, readable by its owner only, never to the log (logs hold no
 * secrets).
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ShareLinksProperties properties;
    private final DataSource dataSource;
    private final OrganizationRepository organizationRepository;
    private final OrganizationService organizations;

    DemoData(
            ShareLinksProperties properties,
            DataSource dataSource,
            OrganizationRepository organizationRepository,
            OrganizationService organizations) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.organizationRepository = organizationRepository;
        this.organizations = organizations;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!properties.demoData() || !isEmbeddedH2() || organizationRepository.count() > 0) {
            return;
        }
        var org = organizations.create("Demo organization", new Plan(true, true), null);
        var persona = organizations.putPersona(org.id(), UUID.randomUUID(), "Demo persona");
        var key = organizations.issueApiKey(org.id(), "demo key");
        // the database keeps only the key's hash: this file is the one place the secret can be read again
        Path keyFile = keyFile();
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, key.secret() + "\n");
        log.info("""

                Demo data created (first start on an empty embedded database):
                  organization id : {}
                  persona id      : {}
                  API key         : in {} (readable by you only)
                Try: curl -s -X POST {}/v1/share-links -H "Authorization: Bearer $(cat {})" \
                -H 'Content-Type: application/json' -d '{"personaId": "{}"}'
                """, org.id(), persona.id(), keyFile, properties.publicBase(), keyFile, persona.id());
    }

    /** {@code demo-api-key} in the directory of the H2 database file (./data by default). */
    private Path keyFile() throws Exception {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        String file = url.startsWith("jdbc:h2:file:")
                ? url.substring("jdbc:h2:file:".length()).split(";")[0]
                : "demo";
        Path parent = Path.of(file).toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        return Path.of("").toAbsolutePath().relativize(parent.resolve("demo-api-key"));
    }

    private boolean isEmbeddedH2() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        return "H2".equalsIgnoreCase(product);
    }
}
