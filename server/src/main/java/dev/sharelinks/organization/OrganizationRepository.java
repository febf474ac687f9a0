package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Organization org) {
        jdbc.sql("""
                insert into organizations (id, name, plan_remove_watermark, plan_whitelabel_reports, custom_domain, created_at)
                values (:id, :name, :removeWatermark, :whitelabel, :domain, :createdAt)""")
                .param("id", org.id())
                .param("name", org.name())
                .param("removeWatermark", org.plan().removeWatermark())
                .param("whitelabel", org.plan().whitelabelReports())
                .param("domain", org.customDomain())
                .param("createdAt", DbTime.toDb(org.createdAt()))
                .update();
    }

    Optional<Organization> findById(UUID id) {
        return jdbc.sql("select * from organizations where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    void update(Organization org) {
        jdbc.sql("""
                update organizations set name = :name, plan_remove_watermark = :removeWatermark,
                    plan_whitelabel_reports = :whitelabel, custom_domain = :domain
                where id = :id""")
                .param("id", org.id())
                .param("name", org.name())
                .param("removeWatermark", org.plan().removeWatermark())
                .param("whitelabel", org.plan().whitelabelReports())
                .param("domain", org.customDomain())
                .update();
    }

    long count() {
        return jdbc.sql("select count(*) from organizations").query(Long.class).single();
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new Plan(rs.getBoolean("plan_remove_watermark"), rs.getBoolean("plan_whitelabel_reports")),
                rs.getString("custom_domain"),
                DbTime.fromDb(rs, "created_at"));
    }
}
