package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded logos, as base64 text (one portable column type on both databases). */
@Repository
class LogoRepository {

    private final JdbcClient jdbc;

    LogoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(UUID organizationId, Logo logo, Instant now) {
        jdbc.sql("delete from organization_logos where organization_id = :org")
                .param("org", organizationId)
                .update();
        jdbc.sql("""
                        insert into organization_logos (organization_id, content_type, data_base64, sha256, updated_at)
                        values (:org, :type, :data, :sha, :now)""")
                .param("org", organizationId)
                .param("type", logo.contentType())
                .param("data", Base64.getEncoder().encodeToString(logo.bytes()))
                .param("sha", logo.sha256())
                .param("now", DbTime.toDb(now))
                .update();
    }

    Optional<Logo> find(UUID organizationId) {
        return jdbc.sql("select content_type, data_base64, sha256 from organization_logos where organization_id = :org")
                .param("org", organizationId)
                .query((rs, row) -> new Logo(
                        rs.getString("content_type"),
                        Base64.getDecoder().decode(rs.getString("data_base64")),
                        rs.getString("sha256")))
                .optional();
    }

    boolean delete(UUID organizationId) {
        return jdbc.sql("delete from organization_logos where organization_id = :org")
                        .param("org", organizationId)
                        .update()
                == 1;
    }
}
