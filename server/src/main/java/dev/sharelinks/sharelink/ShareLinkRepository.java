package dev.sharelinks.sharelink;

import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.jdbc.DatabaseKind;
import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Share links in SQL; the only place that knows their columns. */
@Repository
class ShareLinkRepository {

    /**
     * Every read of a link carries its organisation's plan for the watermark: what the plan does not allow is not
     * shown, even when it was set while the plan allowed it (a downgrade brings the watermark back at once, an
     * upgrade the owner's setting).
     */
    private static final String LINK = "share_links.*, " + planOf("share_links.organization_id");

    private static String planOf(String organizationId) {
        return "(select o.plan_remove_watermark from organizations o where o.id = " + organizationId
                + ") as plan_remove_watermark";
    }

    /**
     * {@link #LINK} for a statement whose links all belong to organisation {@code :org}: the plan is read once for the
     * statement, not once per row.
     */
    private static final String ORGANIZATION_LINK = "share_links.*, " + planOf(":org");

    /** Origins are stored one per line: a valid origin never contains a line break. */
    private static final String ORIGIN_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DatabaseKind database;

    ShareLinkRepository(JdbcClient jdbc, JdbcTemplate batches, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.database = database;
    }

    /**
     * Stores a new link of one of its organisation's personas and answers the persona's name, read by the same
     * statement (one round trip, not a persona read before the insert); empty, and nothing stored, when the
     * persona is not the organisation's. The link's own persona name is not used. The parameters in the select
     * list are cast: unlike in VALUES, PostgreSQL does not take their types from the target columns.
     */
    Optional<String> insertForPersona(ShareLink link) {
        String insert = """
                insert into share_links (id, organization_id, persona_id, persona_name, token, link_type, expires_at,
                    usage_limit, usage_count, allowed_origins, allow_all_origins, remove_watermark, enabled,
                    primary_persona_id, created_at, updated_at, last_used_at)
                select cast(:id as uuid), p.organization_id, p.id, p.name, cast(:token as varchar(64)),
                    cast(:type as varchar(16)), cast(:expiresAt as timestamp with time zone), cast(:usageLimit as integer),
                    cast(:usageCount as integer), cast(:origins as varchar(16000)), cast(:allowAll as boolean),
                    cast(:removeWatermark as boolean), cast(:enabled as boolean), case when cast(:primary as boolean)
                    then p.id end, cast(:createdAt as timestamp with time zone), cast(:createdAt as timestamp with time zone),
                    cast(:lastUsedAt as timestamp with time zone)
                from personas p where p.id = :persona and p.organization_id = :org""";
        String sql = database.isPostgres()
                ? insert + " returning persona_name"
                : "select persona_name from final table (" + insert + ")";
        return jdbc.sql(sql)
                .param("id", link.id())
                .param("org", link.organizationId())
                .param("persona", link.personaId())
                .param("token", link.token())
                .param("type", link.type().name())
                .param("expiresAt", DbTime.toDb(link.expiresAt()))
                .param("usageLimit", link.usageLimit())
                .param("usageCount", link.usageCount())
                .param("origins", String.join(ORIGIN_SEPARATOR, link.allowedOrigins()))
                .param("allowAll", link.allowAllOrigins())
                .param("removeWatermark", link.removeWatermark())
                .param("enabled", link.enabled())
                .param("primary", link.primary())
                .param("createdAt", DbTime.toDb(link.createdAt()))
                .param("lastUsedAt", DbTime.toDb(link.lastUsedAt()))
                .query(String.class)
                .optional();
    }

    Optional<ShareLink> findById(UUID organizationId, UUID id) {
        return jdbc.sql("select " + LINK + " from share_links where id = :id and organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .query(this::map)
                .optional();
    }

    Optional<ShareLink> findByToken(String token) {
        return jdbc.sql("select " + LINK + " from share_links where token = :token")
                .param("token", token)
                .query(this::map)
                .optional();
    }

    /**
     * Changes only the columns the change names, in one statement.
     *
     * @return false when the link is gone (deleted meanwhile, or another organisation's)
     */
    boolean apply(UUID organizationId, UUID id, ShareLinkChange change, Instant now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        putIfGiven(columns, "expires_at", DbTime.toDb(change.expiresAt()));
        putIfGiven(columns, "usage_limit", change.usageLimit());
        putIfGiven(columns, "enabled", change.enabled());
        putIfGiven(
                columns,
                "link_type",
                change.type() == null ? null : change.type().name());
        putIfGiven(
                columns,
                "allowed_origins",
                change.allowedOrigins() == null ? null : String.join(ORIGIN_SEPARATOR, change.allowedOrigins()));
        putIfGiven(columns, "allow_all_origins", change.allowAllOrigins());
        putIfGiven(columns, "remove_watermark", change.removeWatermark());
        putIfGiven(columns, "token", change.token());
        StringBuilder sql = new StringBuilder("update share_links set updated_at = :now");
        columns.keySet()
                .forEach(
                        column -> sql.append(", ").append(column).append(" = :").append(column));
        if (change.primary() != null) {
            // the primary mark is the persona's id in a column with a unique constraint: one primary per persona
            sql.append(change.primary() ? ", primary_persona_id = persona_id" : ", primary_persona_id = null");
        }
        sql.append(" where id = :id and organization_id = :org");
        return jdbc.sql(sql.toString())
                        .params(columns)
                        .param("now", DbTime.toDb(now))
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    private static void putIfGiven(Map<String, Object> columns, String column, Object value) {
        if (value != null) {
            columns.put(column, value);
        }
    }

    /** The persona's primary link, if it has one. */
    Optional<UUID> primaryOf(UUID personaId) {
        return jdbc.sql("select id from share_links where primary_persona_id = :persona")
                .param("persona", personaId)
                .query(UUID.class)
                .optional();
    }

    /** Takes the primary mark from every other link of the persona (inside the caller's transaction). */
    void demotePrimary(UUID personaId, UUID exceptId, Instant now) {
        jdbc.sql("""
                        update share_links set primary_persona_id = null, updated_at = :now
                        where primary_persona_id = :persona and id <> :id""")
                .param("persona", personaId)
                .param("id", exceptId)
                .param("now", DbTime.toDb(now))
                .update();
    }

    /**
     * Counts one use with a single conditional UPDATE whose row count is the decision, so concurrent claims on
     * any number of instances never exceed the limit; returns the link as counted, in the same statement.
     * PostgreSQL says {@code UPDATE ... RETURNING}; H2 says {@code SELECT * FROM FINAL TABLE (UPDATE ...)}.
     * Empty: nothing was counted.
     */
    Optional<ShareLink> claimReturning(String token, Instant now) {
        String sql = database.isPostgres()
                ? CLAIM + " returning " + LINK
                : "select counted.*, " + planOf("counted.organization_id") + " from final table (" + CLAIM
                        + ") counted";
        return jdbc.sql(sql)
                .param("token", token)
                .param("now", DbTime.toDb(now))
                .query(this::map)
                .optional();
    }

    /**
     * Takes back one counted use whose hand-off failed: the same kind of conditional update as the claim, and never
     * below zero (a limit lowered meanwhile does not matter: the count goes down by the one use it went up by).
     */
    boolean giveBack(UUID id) {
        return jdbc.sql("update share_links set usage_count = usage_count - 1 where id = :id and usage_count > 0")
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Locks the links with these tokens for a batch of claims and reads them as they are now. Rows are locked in id
     * order, so batches on several instances that share links wait for each other instead of deadlocking.
     */
    List<ShareLink> lockForCounting(Collection<String> tokens) {
        return jdbc.sql("select " + LINK + " from share_links where token in (:tokens) order by id for update")
                .param("tokens", tokens)
                .query(this::map)
                .list();
    }

    /**
     * Counts the uses a batch granted, one conditional update per link and all of them in one round trip. The
     * links are locked ({@link #lockForCounting}); the condition states the limit again anyway, and a link it
     * refuses fails the whole batch: nothing is counted that the limit does not allow, whatever the caller computed.
     */
    void countUses(Map<UUID, Integer> granted, Instant now) {
        List<Object[]> rows = new ArrayList<>(granted.size());
        granted.forEach((id, uses) -> rows.add(new Object[] {uses, DbTime.toDb(now), id, uses}));
        int[] counted = batches.batchUpdate(COUNT_USES, rows);
        for (int rowsCounted : counted) {
            if (rowsCounted == 0) {
                throw new IllegalStateException("a batch of claims would have counted past a link's limit");
            }
        }
    }

    private static final String COUNT_USES = """
            update share_links set usage_count = usage_count + ?, last_used_at = ?
            where id = ? and (usage_limit is null or usage_count + ? <= usage_limit)""";

    private static final String CLAIM = """
            update share_links set usage_count = usage_count + 1, last_used_at = :now
            where token = :token
              and enabled = true
              and (expires_at is null or expires_at > :now)
              and (usage_limit is null or usage_count < usage_limit)""";

    /**
     * Links that ended before {@code cutoff}: expired then, or used up with their last use then. The same
     * condition guards {@link #deleteEnded}, so a link renewed meanwhile is kept.
     */
    private static final String ENDED_BEFORE = """
            (expires_at <= :cutoff or (usage_limit is not null and usage_count >= usage_limit
                                       and coalesce(last_used_at, updated_at) <= :cutoff))""";

    List<ShareLink> findEnded(Instant cutoff, int limit) {
        return jdbc.sql("select " + LINK + " from share_links where " + ENDED_BEFORE + " order by id limit :limit")
                .param("cutoff", DbTime.toDb(cutoff))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    boolean deleteEnded(UUID id, Instant cutoff) {
        return jdbc.sql("delete from share_links where id = :id and " + ENDED_BEFORE)
                        .param("id", id)
                        .param("cutoff", DbTime.toDb(cutoff))
                        .update()
                == 1;
    }

    /** Links whose expiry passed in ({@code since}, {@code now}] and was not announced yet, soonest first. */
    List<ShareLink> findExpiredUnannounced(Instant since, Instant now, int limit) {
        return jdbc.sql("select " + LINK + """
                         from share_links
                        where expires_at > :since and expires_at <= :now
                          and (expiry_announced_at is null or expiry_announced_at <> expires_at)
                        order by expires_at limit :limit""")
                .param("since", DbTime.toDb(since))
                .param("now", DbTime.toDb(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * Marks the link's expiry announced, unless another instance did first or the link was renewed meanwhile.
     *
     * @return whether this call announces it
     */
    boolean markExpiryAnnounced(UUID id, Instant expiresAt) {
        return jdbc.sql("""
                                update share_links set expiry_announced_at = expires_at
                                 where id = :id and expires_at = :expiresAt
                                   and (expiry_announced_at is null or expiry_announced_at <> expires_at)""")
                        .param("id", id)
                        .param("expiresAt", DbTime.toDb(expiresAt))
                        .update()
                == 1;
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from share_links where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    /** A page of the organisation's links, newest first; {@code search} matches persona name or token. */
    List<ShareLink> list(UUID organizationId, String search, UUID personaId, long offset, int limit) {
        var page = bind(
                jdbc.sql(listSql(search != null, personaId != null, offset, limit)), organizationId, search, personaId);
        if (!database.isPostgres()) {
            page = page.param("limit", limit).param("offset", offset);
        }
        return page.query(this::map).list();
    }

    /**
     * A page and the exact number of links it is a page of. On PostgreSQL in one statement ({@link #countedPageSql}):
     * the total and the page come from the same snapshot, in one round trip. H2 counts, then reads the page.
     */
    Page<ShareLink> page(UUID organizationId, String search, UUID personaId, int page, int perPage) {
        long offset = (long) (page - 1) * perPage;
        if (!database.isPostgres()) {
            long total = count(organizationId, search, personaId);
            var items =
                    offset >= total ? List.<ShareLink>of() : list(organizationId, search, personaId, offset, perPage);
            return new Page<>(items, total, page, perPage);
        }
        long[] total = {0};
        List<ShareLink> items = new ArrayList<>(perPage);
        bind(
                        jdbc.sql(countedPageSql(search != null, personaId != null, offset, perPage)),
                        organizationId,
                        search,
                        personaId)
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    // past the last page the one row carries the total and no link
                    if (rs.getObject("id") != null) {
                        items.add(map(rs, items.size()));
                    }
                });
        return new Page<>(items, total[0], page, perPage);
    }

    /**
     * The count ({@link #count}'s) and the page ({@link #listSql}'s) joined: one row per link of the page, each with
     * the total; one row with the total and no link when the page is past the end.
     */
    String countedPageSql(boolean bySearch, boolean byPersona, long offset, int limit) {
        return "select counted.total, listed.* from (" + countSql(bySearch, byPersona) + ") counted (total) left join ("
                + listSql(bySearch, byPersona, offset, limit) + ") listed on true"
                + " order by listed.created_at desc, listed.id desc";
    }

    /** The nil UUID: the organisation-wide rows of share_link_counts. */
    private static final UUID WHOLE_ORGANIZATION = new UUID(0, 0);

    /**
     * Exact, in the statement's snapshot. Without a search, on PostgreSQL, from the counts a trigger keeps in the same
     * transaction as every insert and delete of a link (V11): a page never counts the organisation's links. A search
     * counts its matches; H2 counts (a few thousand links at most).
     */
    long count(UUID organizationId, String search, UUID personaId) {
        return bind(jdbc.sql(countSql(search != null, personaId != null)), organizationId, search, personaId)
                .query(Long.class)
                .single();
    }

    private String countSql(boolean bySearch, boolean byPersona) {
        if (!bySearch && database.isPostgres()) {
            return "select coalesce(sum(links), 0) from share_link_counts"
                    + " where organization_id = :org and persona_id = :persona";
        }
        return "select count(*) from share_links" + where(bySearch, byPersona);
    }

    /**
     * The page query. PostgreSQL reads the page's ids from the ordering index first and only then the page's rows (a
     * deferred join): with a plain {@code offset} every row passed over was read from the table and projected, the
     * plan subquery included (page 25: 500 rows read for 20 shown). Its limit and offset are written into the
     * statement (two ints): with them as parameters PostgreSQL estimates a generic plan's limit at a tenth of the
     * table, so it planned every page afresh (planning took longer than running the page); with them written in, a
     * prepared page is planned once (a generic plan for any organisation). H2's planner prefers the foreign-key index
     * and sorts every link of the organisation for each page; told to use the ordering index, and with the (constant)
     * organization_id leading the ORDER BY, it reads just the page in index order (EXPLAIN: "index sorted"); it keeps
     * {@code :limit} and {@code :offset} as parameters (its statement cache is small and keyed by the text).
     */
    String listSql(boolean bySearch, boolean byPersona, long offset, int limit) {
        if (database.isPostgres()) {
            return "select " + ORGANIZATION_LINK + " from (select id, created_at from share_links"
                    + where(bySearch, byPersona)
                    + " order by organization_id desc, created_at desc, id desc limit " + limit + " offset " + offset
                    + ") page join share_links on share_links.id = page.id"
                    + " order by page.created_at desc, page.id desc";
        }
        return "select " + ORGANIZATION_LINK + " from share_links use index (ix_share_links_org_created_id)"
                + where(bySearch, byPersona)
                + " order by organization_id desc, created_at desc, id desc limit :limit offset :offset";
    }

    private static String where(boolean bySearch, boolean byPersona) {
        return " where organization_id = :org"
                + (byPersona ? " and persona_id = :persona" : "")
                + (bySearch
                        ? " and (lower(persona_name) like :pattern escape '!' or lower(token) like :pattern escape '!')"
                        : "");
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, UUID organizationId, String search, UUID personaId) {
        // no persona: the nil UUID, which the kept counts use for the whole organisation (the filters ignore it)
        statement = statement
                .param("org", organizationId)
                .param("persona", personaId == null ? WHOLE_ORGANIZATION : personaId);
        if (search != null) {
            statement = statement.param("pattern", "%" + likeEscape(search.toLowerCase(Locale.ROOT)) + "%");
        }
        return statement;
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private ShareLink map(ResultSet rs, int row) throws SQLException {
        String origins = rs.getString("allowed_origins");
        int limit = rs.getInt("usage_limit");
        Integer usageLimit = rs.wasNull() ? null : limit;
        return new ShareLink(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("persona_id", UUID.class),
                rs.getString("persona_name"),
                rs.getString("token"),
                LinkType.valueOf(rs.getString("link_type")),
                DbTime.fromDb(rs, "expires_at"),
                usageLimit,
                rs.getInt("usage_count"),
                origins == null || origins.isEmpty() ? List.of() : Arrays.asList(origins.split(ORIGIN_SEPARATOR)),
                rs.getBoolean("allow_all_origins"),
                rs.getBoolean("remove_watermark") && rs.getBoolean("plan_remove_watermark"),
                rs.getBoolean("enabled"),
                rs.getObject("primary_persona_id") != null,
                DbTime.fromDb(rs, "created_at"),
                DbTime.fromDb(rs, "last_used_at"));
    }
}
