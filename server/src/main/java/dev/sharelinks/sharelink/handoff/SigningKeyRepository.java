package dev.sharelinks.sharelink.handoff;

import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    record Row(String kid, String publicJwk, String sealedPrivateJwk, Instant createdAt, Instant retiredAt) {}

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row key) {
        jdbc.sql("""
                        insert into signing_keys (kid, public_jwk, private_jwk_encrypted, created_at, retired_at)
                        values (:kid, :public, :private, :created, null)""")
                .param("kid", key.kid())
                .param("public", key.publicJwk())
                .param("private", key.sealedPrivateJwk())
                .param("created", DbTime.toDb(key.createdAt()))
                .update();
    }

    /** The newest key nobody retired: the one every instance signs with. Ties (two first starts) go by kid. */
    java.util.Optional<Row> current() {
        return jdbc.sql(
                        "select * from signing_keys where retired_at is null order by created_at desc, kid desc limit 1")
                .query(this::map)
                .optional();
    }

    /** Retires every key but {@code kid}. */
    void retireAllBut(String kid, Instant now) {
        jdbc.sql("update signing_keys set retired_at = :now where retired_at is null and kid <> :kid")
                .param("now", DbTime.toDb(now))
                .param("kid", kid)
                .update();
    }

    List<Row> all() {
        return jdbc.sql(
                        "select * from signing_keys order by case when retired_at is null then 0 else 1 end, created_at desc, kid desc")
                .query(this::map)
                .list();
    }

    private Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Row(
                rs.getString("kid"),
                rs.getString("public_jwk"),
                rs.getString("private_jwk_encrypted"),
                DbTime.fromDb(rs, "created_at"),
                DbTime.fromDb(rs, "retired_at"));
    }
}
