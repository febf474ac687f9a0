package dev.sharelinks.result;

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
class ResultRepository {

    private final JdbcClient jdbc;

    ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredResult result) {
        jdbc.sql("""
                insert into results (id, organization_id, document, created_at, updated_at)
                values (:id, :org, :document, :createdAt, :updatedAt)""")
                .param("id", result.id())
                .param("org", result.organizationId())
                .param("document", result.document())
                .param("createdAt", DbTime.toDb(result.createdAt()))
                .param("updatedAt", DbTime.toDb(result.updatedAt()))
                .update();
    }

    boolean replaceDocument(UUID organizationId, long id, String document, Instant now) {
        return jdbc.sql(
                                "update results set document = :document, updated_at = :now where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .param("document", document)
                        .param("now", DbTime.toDb(now))
                        .update()
                == 1;
    }

    /** Any organisation's result with this id. */
    Optional<StoredResult> findById(long id) {
        return jdbc.sql("select * from results where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Newest (highest id) first, a page at a time; without the documents. */
    List<StoredResult> page(UUID organizationId, long offset, int limit) {
        return jdbc.sql("select id, organization_id, '' as document, created_at, updated_at from results"
                        + " where organization_id = :org order by id desc limit :limit offset :offset")
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(UUID organizationId) {
        return jdbc.sql("select count(*) from results where organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    /** Deletes the result; its share tokens go with it (foreign key cascade). */
    boolean delete(UUID organizationId, long id) {
        return jdbc.sql("delete from results where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    private StoredResult map(ResultSet rs, int row) throws SQLException {
        return new StoredResult(
                rs.getLong("id"),
                rs.getObject("organization_id", UUID.class),
                rs.getString("document"),
                DbTime.fromDb(rs, "created_at"),
                DbTime.fromDb(rs, "updated_at"));
    }
}
