package dev.sharelinks.usage;

import dev.sharelinks.platform.jdbc.DbTime;
import dev.sharelinks.usage.UsageReports.Ranked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The use log in SQL; the only place that knows its columns. */
@Repository
class UseLogRepository {

    /** A slot is 15 minutes: the greatest step every time zone's hours start on. */
    static final long SLOT_MILLIS = 15 * 60 * 1000L;

    record Use(
            UUID sessionId,
            UUID organizationId,
            UUID linkId,
            UUID personaId,
            Instant usedAt,
            String originHost,
            String referrerHost,
            String agentFamily,
            boolean bot) {}

    /** Which uses a query counts: one link's, one persona's, or the whole organisation's. */
    record Scope(UUID organizationId, String column, UUID id) {

        static Scope link(UUID organizationId, UUID linkId) {
            return new Scope(organizationId, "link_id", linkId);
        }

        static Scope persona(UUID organizationId, UUID personaId) {
            return new Scope(organizationId, "persona_id", personaId);
        }

        static Scope organization(UUID organizationId) {
            return new Scope(organizationId, null, null);
        }

        String where() {
            return "organization_id = :org and slot >= :from and slot < :to"
                    + (column == null ? "" : " and " + column + " = :id");
        }
    }

    record SlotCount(long slot, long uses, long bots) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    UseLogRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    static long slotOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), SLOT_MILLIS);
    }

    /** Writes the uses in one JDBC batch: one round trip however many there are. */
    void insert(List<Use> uses) {
        List<Object[]> rows = new ArrayList<>(uses.size());
        for (Use use : uses) {
            rows.add(new Object[] {
                use.sessionId(),
                use.organizationId(),
                use.linkId(),
                use.personaId(),
                DbTime.toDb(use.usedAt()),
                slotOf(use.usedAt()),
                use.originHost(),
                use.referrerHost(),
                use.agentFamily(),
                use.bot()
            });
        }
        batches.batchUpdate("""
                insert into link_uses (session_id, organization_id, link_id, persona_id, used_at, slot,
                    origin_host, referrer_host, agent_family, bot)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    void delete(UUID sessionId) {
        jdbc.sql("delete from link_uses where session_id = :session")
                .param("session", sessionId)
                .update();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from link_uses where slot < :slot")
                .param("slot", slotOf(cutoff))
                .update();
    }

    /** Uses per 15-minute slot in [fromSlot, toSlot), only the slots that have any. */
    List<SlotCount> perSlot(Scope scope, long fromSlot, long toSlot) {
        return bind(
                        jdbc.sql("select slot, count(*) as uses, sum(case when bot then 1 else 0 end) as bots"
                                + " from link_uses where " + scope.where() + " group by slot order by slot"),
                        scope,
                        fromSlot,
                        toSlot)
                .query((rs, n) -> new SlotCount(rs.getLong("slot"), rs.getLong("uses"), rs.getLong("bots")))
                .list();
    }

    /** The {@code limit} most frequent non-null values of a column (origin_host, referrer_host, agent_family). */
    List<Ranked> top(Scope scope, String column, long fromSlot, long toSlot, int limit) {
        if (!List.of("origin_host", "referrer_host", "agent_family").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return bind(
                        jdbc.sql("select " + column + " as name, count(*) as uses from link_uses where "
                                + scope.where() + " and " + column + " is not null group by " + column
                                + " order by uses desc, name limit " + limit),
                        scope,
                        fromSlot,
                        toSlot)
                .query((rs, n) -> new Ranked(rs.getString("name"), rs.getLong("uses")))
                .list();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, Scope scope, long fromSlot, long toSlot) {
        statement = statement
                .param("org", scope.organizationId())
                .param("from", fromSlot)
                .param("to", toSlot);
        return scope.id() == null ? statement : statement.param("id", scope.id());
    }
}
