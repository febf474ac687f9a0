package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a page's ids come from the ordering index and only the page's rows are read from the table (a
 * deferred join): a deep page no longer reads and projects every row it passes over.
 */
class PostgresLinkPageTests extends LinkPageTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aDeepPageReadsOnlyItsOwnRowsFromTheTable() {
        String plan = String.join(
                "\n",
                jdbc.sql("explain (analyze, costs off) " + links.listSql(false, false))
                        .param("org", orgId)
                        .param("limit", 20)
                        .param("offset", 480)
                        .query(String.class)
                        .list());

        assertThat(plan)
                .as("20 rows read from the table, not the 500 passed over")
                .containsPattern("Index Scan using share_links_pkey on share_links .*loops=20");
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
                    .mapToObj(page -> links.list(orgId, null, null, page * 20, 20))
                    .flatMap(List::stream)
                    .toList();
        });
        assertThat(mergeJoined).isEqualTo(all);
    }
}
