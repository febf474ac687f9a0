package dev.sharelinks.audit;

import dev.sharelinks.audit.AuditEvent.Change;
import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail, newest first by id (ids grow with time, so keyset paging is stable while events arrive). */
@Repository
class AuditEventRepository {

    private static final TypeReference<LinkedHashMap<String, Change>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(
            Instant occurredAt,
            UUID organizationId,
            AuditActor actor,
            String action,
            TargetType targetType,
            String targetId,
            Map<String, Change> changes) {
        jdbc.sql("""
                insert into audit_events
                    (occurred_at, organization_id, actor_type, actor_id, action, target_type, target_id, changes)
                values (:at, :org, :actorType, :actorId, :action, :targetType, :targetId, :changes)""")
                .param("at", DbTime.toDb(occurredAt))
                .param("org", organizationId)
                .param("actorType", code(actor.type()))
                .param("actorId", actor.id())
                .param("action", action)
                .param("targetType", code(targetType))
                .param("targetId", targetId)
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    List<AuditEvent> find(AuditQuery query) {
        Statement statement = findStatement(query);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(this::map)
                .list();
    }

    record Statement(String sql, Map<String, Object> params) {}

    Statement findStatement(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select * from audit_events where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(sql, params, "organization_id", "org", "=", query.organizationId());
        filter(
                sql,
                params,
                "target_type",
                "targetType",
                "=",
                query.targetType() == null ? null : code(query.targetType()));
        filter(sql, params, "target_id", "targetId", "=", query.targetId());
        filter(sql, params, "action", "action", "=", query.action());
        filter(sql, params, "actor_type", "actorType", "=", query.actorType() == null ? null : code(query.actorType()));
        filter(sql, params, "actor_id", "actorId", "=", query.actorId());
        filter(sql, params, "occurred_at", "since", ">=", DbTime.toDb(query.since()));
        filter(sql, params, "occurred_at", "until", "<", DbTime.toDb(query.until()));
        filter(sql, params, "id", "beforeId", "<", query.beforeId());
        // Newest first. The filtered column that leads an index (fixed by the filter, so the order is the same)
        // also leads the ORDER BY: H2 then reads the page in index order instead of sorting all the
        // organisation's events for every page; PostgreSQL does either way.
        String leading = query.targetId() != null
                ? "target_id desc, "
                : query.organizationId() != null ? "organization_id desc, " : "";
        sql.append(" order by ").append(leading).append("id desc limit :limit");
        params.put("limit", query.limit());
        return new Statement(sql.toString(), params);
    }

    private static void filter(
            StringBuilder sql, Map<String, Object> params, String column, String name, String operator, Object value) {
        if (value != null) {
            sql.append(" and ")
                    .append(column)
                    .append(' ')
                    .append(operator)
                    .append(" :")
                    .append(name);
            params.put(name, value);
        }
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                DbTime.fromDb(rs, "occurred_at"),
                rs.getObject("organization_id", UUID.class),
                new AuditActor(
                        AuditActor.Type.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)),
                        rs.getObject("actor_id", UUID.class)),
                rs.getString("action"),
                TargetType.valueOf(rs.getString("target_type").toUpperCase(Locale.ROOT)),
                rs.getString("target_id"),
                json.readValue(rs.getString("changes"), CHANGES));
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
