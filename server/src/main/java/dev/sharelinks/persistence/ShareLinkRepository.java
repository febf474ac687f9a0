package dev.sharelinks.persistence;

import dev.sharelinks.domain.LinkType;
import dev.sharelinks.domain.ShareLink;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
public class ShareLinkRepository {

    /** Origins are stored one per line: a valid origin never contains a line break. */
    private static final String ORIGIN_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public ShareLinkRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public void insert(ShareLink link) {
        jdbc.sql("""
                insert into share_links (id, organization_id, persona_id, persona_name, token, link_type, expires_at,
                    usage_limit, usage_count, allowed_origins, allow_all_origins, remove_watermark, enabled,
                    primary_persona_id, created_at, updated_at, last_used_at)
                values (:id, :org, :persona, :personaName, :token, :type, :expiresAt, :usageLimit, :usageCount,
                    :origins, :allowAll, :removeWatermark, :enabled, :primaryPersona, :createdAt, :createdAt, :lastUsedAt)""")
                .param("id", link.id())
                .param("org", link.organizationId())
                .param("persona", link.personaId())
                .param("personaName", link.personaName())
                .param("token", link.token())
                .param("type", link.type().name())
                .param("expiresAt", DbTime.toDb(link.expiresAt()))
                .param("usageLimit", link.usageLimit())
                .param("usageCount", link.usageCount())
                .param("origins", String.join(ORIGIN_SEPARATOR, link.allowedOrigins()))
                .param("allowAll", link.allowAllOrigins())
                .param("removeWatermark", link.removeWatermark())
                .param("enabled", link.enabled())
                .param("primaryPersona", link.primary() ? link.personaId() : null)
                .param("createdAt", DbTime.toDb(link.createdAt()))
                .param("lastUsedAt", DbTime.toDb(link.lastUsedAt()))
                .update();
    }

    public Optional<ShareLink> findById(UUID organizationId, UUID id) {
        return jdbc.sql("select * from share_links where id = :id and organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .query(this::map)
                .optional();
    }

    /** Columns an owner may change; {@link #update} refuses anything else. */
    public static final Set<String> CHANGEABLE_COLUMNS = Set.of(
            "expires_at",
            "usage_limit",
            "enabled",
            "link_type",
            "allowed_origins",
            "allow_all_origins",
            "remove_watermark",
            "primary_persona_id",
            "token");

    /**
     * Changes only the given columns, so a concurrent claim's usage_count is never overwritten.
     *
     * @param changes column name to new value (domain values: Instant, enum, list of origins are converted here)
     * @return false when the link is gone (deleted meanwhile, or another organisation's)
     */
    public boolean update(UUID organizationId, UUID id, Map<String, Object> changes, Instant now) {
        StringBuilder sql = new StringBuilder("update share_links set updated_at = :now");
        Map<String, Object> params = new LinkedHashMap<>();
        changes.forEach((column, value) -> {
            if (!CHANGEABLE_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("Not a changeable column: " + column);
            }
            sql.append(", ").append(column).append(" = :").append(column);
            params.put(column, toDb(value));
        });
        sql.append(" where id = :id and organization_id = :org");
        return jdbc.sql(sql.toString())
                        .params(params)
                        .param("now", DbTime.toDb(now))
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    /** Takes the primary mark from every other link of the persona (one statement, inside the caller's transaction). */
    /**
     * Links that ended before {@code cutoff}: expired then, or used up with their last use then. The same
     * condition guards {@link #deleteEnded}, so a link renewed meanwhile is kept.
     */
    private static final String ENDED_BEFORE = """
            (expires_at <= :cutoff or (usage_limit is not null and usage_count >= usage_limit
                                       and coalesce(last_used_at, updated_at) <= :cutoff))""";

    public List<ShareLink> findEnded(Instant cutoff, int limit) {
        return jdbc.sql("select * from share_links where " + ENDED_BEFORE + " order by id limit :limit")
                .param("cutoff", DbTime.toDb(cutoff))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    public boolean deleteEnded(UUID id, Instant cutoff) {
        return jdbc.sql("delete from share_links where id = :id and " + ENDED_BEFORE)
                        .param("id", id)
                        .param("cutoff", DbTime.toDb(cutoff))
                        .update()
                == 1;
    }

    /** The persona's primary link, if it has one. */
    public Optional<UUID> primaryOf(UUID personaId) {
        return jdbc.sql("select id from share_links where primary_persona_id = :persona")
                .param("persona", personaId)
                .query(UUID.class)
                .optional();
    }

    public void demotePrimary(UUID personaId, UUID exceptId, Instant now) {
        jdbc.sql("""
                update share_links set primary_persona_id = null, updated_at = :now
                where primary_persona_id = :persona and id <> :id""")
                .param("persona", personaId)
                .param("id", exceptId)
                .param("now", DbTime.toDb(now))
                .update();
    }

    public Optional<ShareLink> findByToken(String token) {
        return jdbc.sql("select * from share_links where token = :token")
                .param("token", token)
                .query(this::map)
                .optional();
    }

    /**
     * Counts one use with a single conditional UPDATE whose row count is the decision, so concurrent claims on
     * any number of instances never exceed the limit; returns the link as counted, in the same statement.
     * PostgreSQL says {@code UPDATE ... RETURNING}; H2 says {@code SELECT * FROM FINAL TABLE (UPDATE ...)}.
     * Empty: nothing was counted.
     */
    public Optional<ShareLink> claimReturning(String token, Instant now) {
        String sql = isPostgres() ? CLAIM + " returning *" : "select * from final table (" + CLAIM + ")";
        return jdbc.sql(sql)
                .param("token", token)
                .param("now", DbTime.toDb(now))
                .query(this::map)
                .optional();
    }

    private static final String CLAIM = """
            update share_links set usage_count = usage_count + 1, last_used_at = :now
            where token = :token
              and enabled = true
              and (expires_at is null or expires_at > :now)
              and (usage_limit is null or usage_count < usage_limit)""";

    private volatile Boolean postgres;

    /** The two databases differ in a few statements' words (RETURNING, index hints); everything else is shared. */
    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL"
                        .equals(JdbcUtils.extractDatabaseMetaData(
                                dataSource, DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }

    private static Object toDb(Object value) {
        if (value instanceof Instant instant) {
            return DbTime.toDb(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> origins) {
            return String.join(
                    ORIGIN_SEPARATOR, origins.stream().map(Object::toString).toList());
        }
        return value;
    }

    public boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from share_links where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    /** A page of the organisation's links, newest first; {@code search} matches persona name or token. */
    public List<ShareLink> list(UUID organizationId, String search, UUID personaId, int offset, int limit) {
        return bind(jdbc.sql(listSql(search != null, personaId != null)), organizationId, search, personaId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    public long count(UUID organizationId, String search, UUID personaId) {
        return bind(
                        jdbc.sql("select count(*) from share_links" + where(search != null, personaId != null)),
                        organizationId,
                        search,
                        personaId)
                .query(Long.class)
                .single();
    }

    /**
     * The page query. H2's planner prefers the foreign-key index and sorts every link of the organisation for
     * each page; told to use the ordering index, and with the (constant) organization_id leading the ORDER BY,
     * it reads just the page in index order (EXPLAIN: "index sorted"). PostgreSQL finds that plan by itself.
     */
    String listSql(boolean bySearch, boolean byPersona) {
        String from = isPostgres()
                ? "select * from share_links"
                : "select * from share_links use index (ix_share_links_org_created_id)";
        return from + where(bySearch, byPersona)
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
        statement = statement.param("org", organizationId);
        if (personaId != null) {
            statement = statement.param("persona", personaId);
        }
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
                rs.getBoolean("remove_watermark"),
                rs.getBoolean("enabled"),
                rs.getObject("primary_persona_id") != null,
                DbTime.fromDb(rs, "created_at"),
                DbTime.fromDb(rs, "last_used_at"));
    }
}
