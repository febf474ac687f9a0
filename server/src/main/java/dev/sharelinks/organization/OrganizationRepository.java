package dev.sharelinks.organization;

import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
                insert into organizations (id, name, plan_remove_watermark, plan_whitelabel_reports, custom_domain, created_at,
                            launch_url, grant_audience, brand_display_name, brand_accent_color, brand_logo_url)
                values (:id, :name, :removeWatermark, :whitelabel, :domain, :createdAt, :launchUrl, :audience,
                            :brandName, :accent, :logoUrl)""")
                .param("id", org.id())
                .param("name", org.name())
                .param("removeWatermark", org.plan().removeWatermark())
                .param("whitelabel", org.plan().whitelabelReports())
                .param("domain", org.customDomain())
                .param("launchUrl", org.launchUrl())
                .param("audience", org.grantAudience())
                .param("brandName", org.branding().displayName())
                .param("accent", org.branding().accentColor())
                .param("logoUrl", org.branding().logoUrl())
                .param("createdAt", DbTime.toDb(org.createdAt()))
                .update();
    }

    Optional<Organization> findById(UUID id) {
        return jdbc.sql("""
                        select o.*, exists (select 1 from organization_logos l where l.organization_id = o.id) as uploaded_logo
                        from organizations o where o.id = :id""").param("id", id).query(this::map).optional();
    }

    private static final String WITH_LOGO = """
            select o.*, exists (select 1 from organization_logos l where l.organization_id = o.id) as uploaded_logo
            from organizations o""";

    /** Oldest first; {@code term} (or null for all) matches any part of the name, case-insensitively, or the id. */
    List<Organization> page(String term, long offset, int limit) {
        return matching(
                        jdbc.sql(WITH_LOGO + where(term) + " order by o.created_at, o.id limit :limit offset :offset"),
                        term)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(String term) {
        return matching(jdbc.sql("select count(*) from organizations o" + where(term)), term)
                .query(Long.class)
                .single();
    }

    private static String where(String term) {
        if (term == null) {
            return "";
        }
        return " where lower(o.name) like :pattern escape '\\'" + (uuid(term) != null ? " or o.id = :id" : "");
    }

    private static JdbcClient.StatementSpec matching(JdbcClient.StatementSpec statement, String term) {
        if (term == null) {
            return statement;
        }
        String literal = term.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        statement = statement.param("pattern", "%" + literal + "%");
        UUID id = uuid(term);
        return id == null ? statement : statement.param("id", id);
    }

    private static UUID uuid(String term) {
        try {
            return term.length() == 36 ? UUID.fromString(term) : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    void update(Organization org) {
        jdbc.sql("""
                update organizations set name = :name, plan_remove_watermark = :removeWatermark,
                    plan_whitelabel_reports = :whitelabel, custom_domain = :domain,
                            launch_url = :launchUrl, grant_audience = :audience, brand_display_name = :brandName,
                            brand_accent_color = :accent, brand_logo_url = :logoUrl
                where id = :id""")
                .param("id", org.id())
                .param("name", org.name())
                .param("removeWatermark", org.plan().removeWatermark())
                .param("whitelabel", org.plan().whitelabelReports())
                .param("domain", org.customDomain())
                .param("launchUrl", org.launchUrl())
                .param("audience", org.grantAudience())
                .param("brandName", org.branding().displayName())
                .param("accent", org.branding().accentColor())
                .param("logoUrl", org.branding().logoUrl())
                .update();
    }

    /** The organisation's audience, the persona's effective launch URL and the sealed Anam key, in one read. */
    Optional<HandOffRow> handOff(UUID organizationId, UUID personaId) {
        return jdbc.sql("""
                        select o.id, o.grant_audience, coalesce(p.launch_url, o.launch_url) as launch_url,
                               c.api_key_encrypted, c.base_url, c.updated_at
                        from organizations o
                        left join personas p on p.id = :persona and p.organization_id = o.id
                        left join organization_anam_credentials c on c.organization_id = o.id
                        where o.id = :org""")
                .param("org", organizationId)
                .param("persona", personaId)
                .query((rs, row) -> new HandOffRow(
                        rs.getString("grant_audience") != null
                                ? rs.getString("grant_audience")
                                : rs.getObject("id", UUID.class).toString(),
                        rs.getString("launch_url"),
                        rs.getString("api_key_encrypted"),
                        rs.getString("base_url"),
                        DbTime.fromDb(rs, "updated_at")))
                .optional();
    }

    record HandOffRow(
            String audience,
            String launchUrl,
            String sealedAnamKey,
            String anamBaseUrl,
            java.time.Instant anamUpdatedAt) {}

    long count() {
        return jdbc.sql("select count(*) from organizations").query(Long.class).single();
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new Plan(rs.getBoolean("plan_remove_watermark"), rs.getBoolean("plan_whitelabel_reports")),
                rs.getString("custom_domain"),
                DbTime.fromDb(rs, "created_at"),
                rs.getString("launch_url"),
                rs.getString("grant_audience"),
                new Branding(
                        rs.getString("brand_display_name"),
                        rs.getString("brand_accent_color"),
                        rs.getString("brand_logo_url"),
                        rs.getBoolean("uploaded_logo")));
    }
}
