package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a page's ids come from the ordering index and only the page's rows are read from the table (a
 * deferred join): a deep page no longer reads and projects every row it passes over. The total comes in the same
 * statement.
 */
class PostgresLinkPageTests extends LinkPageTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    @Test
    void aDeepPageReadsOnlyItsOwnRowsFromTheTable() {
        String plan = String.join(
                "\n",
                jdbc.sql("explain (analyze, costs off) " + links.countedPageSql(false, false, 480, 20))
                        .param("org", orgId)
                        .param("persona", new UUID(0, 0))
                        .query(String.class)
                        .list());

        assertThat(plan)
                .as("20 rows read from the table, not the 500 passed over")
                .containsPattern("Index Scan using share_links_pkey on share_links .*loops=20")
                .as("the organisation's plan read once for the page, not once a row")
                .containsPattern("organizations_pkey on organizations o .*loops=1\\)");
    }

    @Test
    void aPageIsPlannedOnceNotOnEveryRequest() throws Exception {
        // A connection of its own (no statement prepared on it before) asks for the first page 15 times: the driver
        // prepares it on the server after 5 runs; PostgreSQL plans it for each of the first 5 executions, then uses a
        // generic plan if that is not costlier than theirs. With the limit and offset as parameters it is — each is
        // estimated at a tenth of the organisation's links — so every page was planned afresh (in the benchmark,
        // planning took longer than running the page). The planner is first shown an organisation with many links:
        // every link in one organisation (statistics changed in this transaction only, rolled back with it).
        String sql = links.countedPageSql(false, false, 0, 20);
        try (Connection connection = DriverManager.getConnection(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            connection.setAutoCommit(false);
            JdbcClient alone = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            alone.sql("alter table share_links alter column organization_id set (n_distinct = 1)")
                    .update();
            alone.sql("analyze share_links").update();
            for (int i = 0; i < 15; i++) {
                var page = alone.sql(sql).param("org", orgId).param("persona", new UUID(0, 0));
                assertThat(page.query((rs, row) -> rs.getObject("id")).list()).hasSize(20);
            }
            long generic = alone.sql("select coalesce(sum(generic_plans), 0) from pg_prepared_statements")
                    .query(Long.class)
                    .single();
            connection.rollback();
            assertThat(generic).as("executions of the page with a generic plan").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void pagesKeepTheirOrderWhicheverJoinThePlannerPicks() {
        List<ShareLink> all = links.list(orgId, null, null, 0, 2_000);
        List<ShareLink> mergeJoined = transaction.execute(status -> {
            // no nested loop, no hash join: a merge join emits the page in id order, not in the list's
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql("set local enable_hashjoin = off").update();
            // and planned again: a statement the pool's connection has prepared before keeps its cached plan
            jdbc.sql("discard plans").update();
            return IntStream.range(0, 53)
                    .mapToObj(page -> links.page(orgId, null, null, page + 1, 20))
                    .flatMap(page -> page.items().stream())
                    .toList();
        });
        assertThat(mergeJoined).isEqualTo(all);
    }
}
