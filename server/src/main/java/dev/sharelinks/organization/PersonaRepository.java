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
class PersonaRepository {

    private final JdbcClient jdbc;

    PersonaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Any organisation's persona with this id. */
    Optional<Persona> findById(UUID id) {
        return jdbc.sql(
                        "select id, organization_id, name, launch_url, description, avatar_url from personas where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** By name (then id), a page at a time. */
    List<Persona> page(UUID organizationId, long offset, int limit) {
        return jdbc.sql("select id, organization_id, name, launch_url, description, avatar_url from personas"
                        + " where organization_id = :org order by name, id limit :limit offset :offset")
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(UUID organizationId) {
        return jdbc.sql("select count(*) from personas where organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    void insert(Persona persona, Instant now) {
        jdbc.sql("""
                        insert into personas (id, organization_id, name, launch_url, description, avatar_url, created_at)
                        values (:id, :org, :name, :launchUrl, :description, :avatar, :now)""")
                .param("id", persona.id())
                .param("launchUrl", persona.launchUrl())
                .param("description", persona.description())
                .param("avatar", persona.avatarUrl())
                .param("org", persona.organizationId())
                .param("name", persona.name())
                .param("now", DbTime.toDb(now))
                .update();
    }

    boolean update(Persona persona) {
        return jdbc.sql("""
                        update personas set name = :name, launch_url = :launchUrl, description = :description,
                            avatar_url = :avatar
                        where id = :id and organization_id = :org""")
                        .param("id", persona.id())
                        .param("org", persona.organizationId())
                        .param("name", persona.name())
                        .param("launchUrl", persona.launchUrl())
                        .param("description", persona.description())
                        .param("avatar", persona.avatarUrl())
                        .update()
                == 1;
    }

    /** Deletes the persona; its share links go with it (foreign key cascade). */
    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from personas where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    private Persona map(ResultSet rs, int row) throws SQLException {
        return new Persona(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("launch_url"),
                rs.getString("description"),
                rs.getString("avatar_url"));
    }
}
