package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pages of an organisation's links: 1,040 links, 1,000 of them three to a creation time, so that the order's
 * tie-break on id matters. Each database reads a page its own way ({@link ShareLinkRepository#listSql}); the
 * subclasses check how.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class LinkPageTests {

    @Autowired
    ShareLinkRepository links;

    @Autowired
    ShareLinkService shareLinks;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    UUID orgId;
    UUID personaId;

    @BeforeEach
    void manyLinks() {
        orgId = organizations
                .create("Plan " + UUID.randomUUID(), new Plan(false, false), null)
                .id();
        personaId = organizations.putPersona(orgId, UUID.randomUUID(), "Listed").id();
        UUID otherPersona =
                organizations.putPersona(orgId, UUID.randomUUID(), "Other").id();
        for (int i = 0; i < 40; i++) {
            shareLinks.create(orgId, i % 2 == 0 ? personaId : otherPersona, Duration.ofHours(10), null);
        }
        // many more rows with colliding creation times, so that the order's tie-break on id matters
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        ShareLink template = links.list(orgId, null, null, 0, 1).get(0);
        IntStream.range(0, 1_000)
                .forEach(i -> jdbc.sql("""
                insert into share_links (id, organization_id, persona_id, persona_name, token, link_type,
                    created_at, updated_at)
                values (:id, :org, :persona, :personaName, :token, :type, :created, :created)""")
                        .param("id", UUID.randomUUID())
                        .param("org", orgId)
                        .param("persona", template.personaId())
                        .param("personaName", template.personaName())
                        .param("token", "plan-" + UUID.randomUUID())
                        .param("type", template.type().name())
                        .param("created", DbTime.toDb(created.plusSeconds(i / 3)))
                        .update());
    }

    @Test
    void pagesAreNewestFirstWithIdBreakingTies() {
        List<ShareLink> all = links.list(orgId, null, null, 0, 2_000);
        assertThat(all).hasSize(1_040);
        assertThat(all)
                .isSortedAccordingTo(Comparator.comparing(ShareLink::createdAt)
                        .thenComparing(link -> link.id().toString())
                        .reversed());
        // consecutive pages tile the whole list, with or without a filter
        List<ShareLink> paged = IntStream.range(0, 53)
                .mapToObj(page -> links.list(orgId, null, null, page * 20, 20))
                .flatMap(List::stream)
                .toList();
        assertThat(paged).isEqualTo(all);
        assertThat(links.list(orgId, null, personaId, 0, 2_000))
                .isEqualTo(all.stream()
                        .filter(link -> link.personaId().equals(personaId))
                        .toList());
        assertThat(links.count(orgId, null, personaId))
                .isEqualTo(links.list(orgId, null, personaId, 0, 2_000).size());
    }

    @Test
    void aPageCarriesTheExactTotalAndPastTheLastPageOnlyTheTotal() {
        List<ShareLink> all = links.list(orgId, null, null, 0, 2_000);
        List<ShareLink> paged = IntStream.rangeClosed(1, 53)
                .mapToObj(page -> links.page(orgId, null, null, page, 20))
                .peek(page -> assertThat(page.total()).isEqualTo(1_040))
                .flatMap(page -> page.items().stream())
                .toList();
        assertThat(paged).isEqualTo(all);

        var pastTheEnd = links.page(orgId, null, null, 54, 20);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(1_040);

        // the 1,000 inserted links went to the persona of the newest link, either one: the expectations follow
        List<ShareLink> listed =
                all.stream().filter(link -> link.personaId().equals(personaId)).toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(20);
        var byPersona = links.page(orgId, null, personaId, 2, 15);
        assertThat(byPersona.total()).isEqualTo(listed.size());
        assertThat(byPersona.items()).isEqualTo(slice(listed, 2, 15));
        // "listed" is the persona's name, and no token holds it (random or hex)
        var bySearch = links.page(orgId, "listed", null, 1, 15);
        assertThat(bySearch.total()).isEqualTo(listed.size());
        assertThat(bySearch.items()).isEqualTo(slice(listed, 1, 15));
        var bySearchAndPersona = links.page(orgId, "listed", personaId, 3, 10);
        assertThat(bySearchAndPersona.total()).isEqualTo(listed.size());
        assertThat(bySearchAndPersona.items()).isEqualTo(slice(listed, 3, 10));
        var nothingFound = links.page(orgId, "no-such-link", null, 1, 20);
        assertThat(nothingFound.total()).isZero();
        assertThat(nothingFound.items()).isEmpty();
    }

    private static List<ShareLink> slice(List<ShareLink> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return all.subList(from, Math.min(all.size(), from + perPage));
    }

    @Test
    void aPageShowsTheWatermarkSettingOnlyWhereTheOrganisationsPlanAllowsIt() {
        UUID newest = links.page(orgId, null, null, 1, 1).items().get(0).id();
        jdbc.sql("update share_links set remove_watermark = true where id = :id")
                .param("id", newest)
                .update();
        assertThat(links.page(orgId, null, null, 1, 20).items())
                .as("the plan does not allow it")
                .noneMatch(ShareLink::removeWatermark);

        jdbc.sql("update organizations set plan_remove_watermark = true where id = :org")
                .param("org", orgId)
                .update();
        assertThat(links.page(orgId, null, null, 1, 20).items())
                .filteredOn(ShareLink::removeWatermark)
                .extracting(ShareLink::id)
                .containsExactly(newest);
    }
}
