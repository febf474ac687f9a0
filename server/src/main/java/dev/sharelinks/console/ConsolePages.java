package dev.sharelinks.console;

import java.util.List;

/** What the console's templates show (src/main/jte/console/*.jte); every text is escaped by the templates. */
public final class ConsolePages {

    private ConsolePages() {}

    /** The session's CSRF token, for the hidden field every form of the console carries. */
    public record Csrf(String parameter, String token) {}

    public record SignIn(String refusal, boolean signedOut, boolean expired, Csrf csrf) {}

    public record Organizations(
            String search, List<OrganizationRow> rows, int page, int lastPage, long total, Csrf csrf) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < lastPage;
        }
    }

    public record OrganizationRow(String id, String name, String created) {}

    public record Organization(
            String id,
            String name,
            String plan,
            List<KeyRow> keys,
            List<PersonaRow> personas,
            List<LinkRow> links,
            long linkTotal,
            List<ResultRow> results,
            long resultTotal,
            String notice,
            Csrf csrf) {}

    public record KeyRow(String id, String name, String created, String lastUsed, String revoked) {}

    public record PersonaRow(String id, String name) {}

    public record LinkRow(String id, String persona, String type, String state, String uses) {}

    public record ResultRow(long id, String created, String updated) {}

    /**
     * @param usage the chart's data, JSON: {@code {"labels": [...], "counts": [...]}} (days in UTC)
     * @param qrSvg the link's QR code, an SVG drawn by this server (no text of anyone's in it)
     */
    public record Link(
            String organizationId,
            String organizationName,
            String id,
            String persona,
            String type,
            String state,
            String uses,
            boolean enabled,
            String publicUrl,
            String qrSvg,
            String usage,
            long total,
            String notice,
            Csrf csrf) {}

    public record PersonaUsage(
            String organizationId,
            String organizationName,
            String id,
            String name,
            String usage,
            long total,
            Csrf csrf) {}
}
