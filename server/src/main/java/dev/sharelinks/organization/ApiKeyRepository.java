package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

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

    /** Looked up on every authenticated request; the hash column has a unique index. */
    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select id, organization_id, name, created_at from api_keys where key_hash = :hash")
                .param("hash", keyHash)
                .query(this::map)
                .optional();
    }

    boolean delete(UUID organizationId, UUID keyId) {
        return jdbc.sql("delete from api_keys where id = :id and organization_id = :org")
                        .param("id", keyId)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                DbTime.fromDb(rs, "created_at"));
    }
}
