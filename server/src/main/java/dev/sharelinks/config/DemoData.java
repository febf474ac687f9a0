package dev.sharelinks.config;

import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import dev.sharelinks.domain.OrganizationService;
import dev.sharelinks.domain.Plan;
import dev.sharelinks.persistence.OrganizationRepository;

/**
 * On the first start of the embedded (H2) default with an empty database: a demo organisation, persona and
 * API key, logged once, so a newcomer can call the API straight away. Never on PostgreSQL.
 */
@Component
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ShareLinksProperties properties;
    private final DataSource dataSource;
    private final OrganizationRepository organizationRepository;
    private final OrganizationService organizations;

    public DemoData(ShareLinksProperties properties, DataSource dataSource,
            OrganizationRepository organizationRepository, OrganizationService organizations) {
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
        // Logged once, on purpose: the database keeps only the key's hash, so this is the only chance to see it.
        log.info("""

                Demo data created (first start on an empty embedded database):
                  organization id : {}
                  persona id      : {}
                  API key         : {}
                Try: curl -s -X POST http://localhost:8080/v1/share-links -H 'Authorization: Bearer {}' \
                -H 'Content-Type: application/json' -d '{"personaId": "{}"}'
                """, org.id(), persona.id(), key.secret(), key.secret(), persona.id());
    }

    private boolean isEmbeddedH2() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        return "H2".equalsIgnoreCase(product);
    }
}
