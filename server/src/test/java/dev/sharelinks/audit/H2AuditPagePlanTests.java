package dev.sharelinks.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On the embedded H2 default a page of an organisation's audit events is read in index order, not by sorting all of
 * them (bench/README.md).
 */
@SpringBootTest
@ActiveProfiles("test")
class H2AuditPagePlanTests {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    AuditEventRepository auditEvents;

    @Autowired
    JdbcClient jdbc;

    UUID orgId;

    @BeforeEach
    void manyEvents() {
        orgId = UUID.randomUUID();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        // audit events of this and of another organisation
        UUID otherOrg = UUID.randomUUID();
        IntStream.range(0, 2_000)
                .forEach(i -> jdbc.sql("""
                        insert into audit_events (occurred_at, organization_id, actor_type, action, target_type, target_id,
                            changes)
                        values (:at, :org, 'system', 'share_link.purged', 'share_link', :target, '{}')""")
                        .param("at", DbTime.toDb(created))
                        .param("org", i % 2 == 0 ? orgId : otherOrg)
                        .param(
                                "target",
                                i % 10 == 0 ? "hot-target" : UUID.randomUUID().toString())
                        .update());
    }

    @Test
    void aPageOfAuditEventsIsReadInIndexOrderNotSorted() {
        for (AuditQuery query : List.of(
                new AuditQuery(orgId, null, null, null, null, null, null, null, null, 50),
                new AuditQuery(null, null, "hot-target", null, null, null, null, null, null, 50))) {
            AuditEventRepository.Statement statement = auditEvents.findStatement(query);
            String plan = jdbc.sql("explain analyze " + statement.sql())
                    .params(statement.params())
                    .query(String.class)
                    .single();

            assertThat(plan).contains("/* index sorted */");
            Matcher scanned = SCAN_COUNT.matcher(plan);
            assertThat(scanned.find()).as(plan).isTrue();
            assertThat(Integer.parseInt(scanned.group(1)))
                    .as("rows read for one page")
                    .isLessThanOrEqualTo(51);
        }
        List<AuditEvent> all =
                auditEvents.find(new AuditQuery(orgId, null, null, null, null, null, null, null, null, 5_000));
        assertThat(all)
                .hasSizeGreaterThan(999)
                .allMatch(event -> event.organizationId().equals(orgId));
        assertThat(all).isSortedAccordingTo(Comparator.comparing(AuditEvent::id).reversed());
    }
}
