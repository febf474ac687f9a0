package dev.sharelinks.result;

import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cekura shareable-link tokens, kept only as SHA-256 hashes. */
@Repository
class ResultShareTokenRepository {

    /** What a token grants: one result, until a moment. */
    public record Grant(long resultId, Instant expireAt) {}

    private final JdbcClient jdbc;

    ResultShareTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, long resultId, String tokenHash, Instant expireAt, Instant now) {
        jdbc.sql("""
                insert into result_share_tokens (id, result_id, token_hash, expire_at, created_at)
                values (:id, :result, :hash, :expireAt, :now)""")
                .param("id", id)
                .param("result", resultId)
                .param("hash", tokenHash)
                .param("expireAt", DbTime.toDb(expireAt))
                .param("now", DbTime.toDb(now))
                .update();
    }

    Optional<Grant> findByHash(String tokenHash) {
        return jdbc.sql("select result_id, expire_at from result_share_tokens where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, row) -> new Grant(rs.getLong("result_id"), DbTime.fromDb(rs, "expire_at")))
                .optional();
    }

    /** Deletes tokens that expired before {@code cutoff}; they open nothing any more. */
    int deleteExpired(Instant cutoff) {
        return jdbc.sql("delete from result_share_tokens where expire_at <= :cutoff")
                .param("cutoff", DbTime.toDb(cutoff))
                .update();
    }
}
