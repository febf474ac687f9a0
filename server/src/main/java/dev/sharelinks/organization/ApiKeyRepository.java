package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, organization_id, name, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String keyHash) {
        jdbc.sql("""
                insert into api_keys (id, organization_id, name, key_hash, created_at)
                values (:id, :org, :name, :hash, :createdAt)""")
                .param("id", key.id())
                .param("org", key.organizationId())
                .param("name", key.name())
                .param("hash", keyHash)
                .param("createdAt", DbTime.toDb(key.createdAt()))
                .update();
    }

    /** Looked up on every authenticated request; the hash column has a unique index. Revoked keys are not found. */
    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where key_hash = :hash and revoked_at is null")
                .param("hash", keyHash)
                .query(this::map)
                .optional();
    }

    /** The organisation's keys, revoked ones too, newest first. */
    List<ApiKey> list(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from api_keys where organization_id = :org order by created_at desc, id")
                .param("org", organizationId)
                .query(this::map)
                .list();
    }

    boolean revoke(UUID organizationId, UUID keyId, Instant now) {
        return jdbc.sql("""
                        update api_keys set revoked_at = :now
                        where id = :id and organization_id = :org and revoked_at is null""")
                        .param("id", keyId)
                        .param("org", organizationId)
                        .param("now", DbTime.toDb(now))
                        .update()
                == 1;
    }

    /**
     * Records a use unless one was recorded less than a minute before (the condition holds it to one write a minute
     * per key, whichever instance sees the key).
     */
    void touch(UUID keyId, Instant now) {
        jdbc.sql("""
                        update api_keys set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at <= :minuteAgo)""")
                .param("id", keyId)
                .param("now", DbTime.toDb(now))
                .param("minuteAgo", DbTime.toDb(now.minusSeconds(60)))
                .update();
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                DbTime.fromDb(rs, "created_at"),
                DbTime.fromDb(rs, "last_used_at"),
                DbTime.fromDb(rs, "revoked_at"));
    }
}
