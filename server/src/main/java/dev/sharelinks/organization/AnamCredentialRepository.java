package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations' Anam API keys, stored sealed (encrypted with the key-encryption key). */
@Repository
class AnamCredentialRepository {

    record Stored(String sealedApiKey, String baseUrl, Instant updatedAt) {}

    private final JdbcClient jdbc;

    AnamCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(UUID organizationId, String sealedApiKey, String baseUrl, Instant now) {
        int updated = jdbc.sql("""
                        update organization_anam_credentials
                        set api_key_encrypted = :key, base_url = :base, updated_at = :now
                        where organization_id = :org""")
                .param("org", organizationId)
                .param("key", sealedApiKey)
                .param("base", baseUrl)
                .param("now", DbTime.toDb(now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into organization_anam_credentials (organization_id, api_key_encrypted, base_url, updated_at)
                            values (:org, :key, :base, :now)""")
                    .param("org", organizationId)
                    .param("key", sealedApiKey)
                    .param("base", baseUrl)
                    .param("now", DbTime.toDb(now))
                    .update();
        }
    }

    Optional<Stored> find(UUID organizationId) {
        return jdbc.sql("""
                        select api_key_encrypted, base_url, updated_at from organization_anam_credentials
                        where organization_id = :org""")
                .param("org", organizationId)
                .query((rs, row) -> new Stored(
                        rs.getString("api_key_encrypted"), rs.getString("base_url"), DbTime.fromDb(rs, "updated_at")))
                .optional();
    }

    boolean delete(UUID organizationId) {
        return jdbc.sql("delete from organization_anam_credentials where organization_id = :org")
                        .param("org", organizationId)
                        .update()
                == 1;
    }
}
