package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On the embedded H2 default a page of an organisation's links is read in index order, not by sorting all of them
 * (that made the link list 200–700 ms a page at 10,000 links and filled the pool under load; bench/README.md).
 */
class H2LinkPagePlanTests extends LinkPageTests {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Test
    void aPageIsReadInIndexOrderNotSorted() {
        String plan = jdbc.sql("explain analyze " + links.listSql(false, false, 100, 20))
                .param("org", orgId)
                .param("limit", 20)
                .param("offset", 100)
                .query(String.class)
                .single();

        assertThat(plan).contains("/* index sorted */");
        Matcher scanned = SCAN_COUNT.matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1)))
                .as("rows read for one page")
                .isLessThanOrEqualTo(121);
    }
}
