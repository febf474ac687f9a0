package dev.sharelinks.console;

import dev.sharelinks.organization.ApiKey;
import dev.sharelinks.organization.Organization;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Persona;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.security.ConsoleSignIn;
import dev.sharelinks.platform.web.Csp;
import dev.sharelinks.platform.web.Pages;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.result.StoredResult;
import dev.sharelinks.sharelink.LinkSettings;
import dev.sharelinks.sharelink.LinkUnavailableException;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.sharelink.ShareLinkUrls;
import dev.sharelinks.usage.QrCodes;
import dev.sharelinks.usage.UsageReports;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console's pages and actions. Reading goes through the rooms' services as the operator API does;
 * every action is a POST with the session's CSRF token and answers with a redirect back (post, redirect, get), so
 * a reload never repeats it. The services record each change in the audit trail as the operator's.
 */
@Controller
class ConsoleController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Chart labels: the heading names the range and the zone; "1 Nov" fits 31 of them without turning. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private static final int PER_PAGE = 20;
    private static final Csp CSP = Csp.NOT_FRAMED.withForms();

    private final OrganizationService organizations;
    private final ShareLinkService shareLinks;
    private final ResultService results;
    private final UsageReports usage;
    private final QrCodes qrCodes;
    private final ShareLinkUrls urls;
    private final Pages pages;
    private final JsonMapper json;
    private final MillisecondClock clock;

    ConsoleController(
            OrganizationService organizations,
            ShareLinkService shareLinks,
            ResultService results,
            UsageReports usage,
            QrCodes qrCodes,
            ShareLinkUrls urls,
            Pages pages,
            JsonMapper json,
            MillisecondClock clock) {
        this.organizations = organizations;
        this.shareLinks = shareLinks;
        this.results = results;
        this.usage = usage;
        this.qrCodes = qrCodes;
        this.urls = urls;
        this.pages = pages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/sign-in")
    ResponseEntity<String> signIn(HttpServletRequest request) {
        var page = new ConsolePages.SignIn(
                null,
                request.getParameter("signed-out") != null,
                request.getParameter("expired") != null,
                csrf(request));
        return pages.render(HttpStatus.OK, "console/signin.jte", page, CSP);
    }

    /** A refused sign-in, forwarded here by the security chain: the form again, with why, as a 401. */
    @RequestMapping("/console/sign-in/refused")
    ResponseEntity<String> refused(HttpServletRequest request) {
        Object refusal = request.getAttribute(ConsoleSignIn.REFUSAL);
        var page = new ConsolePages.SignIn(
                refusal == null ? "Sign-in refused." : refusal.toString(), false, false, csrf(request));
        return pages.render(HttpStatus.UNAUTHORIZED, "console/signin.jte", page, CSP);
    }

    @GetMapping("/console")
    ResponseEntity<String> organizations(
            @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request) {
        String term = search == null ? "" : search.strip();
        if (term.length() > 200) {
            term = term.substring(0, 200);
        }
        Page<Organization> found = organizations.list(term, Math.max(1, page), PER_PAGE);
        var rows = found.items().stream()
                .map(org -> new ConsolePages.OrganizationRow(org.id().toString(), org.name(), when(org.createdAt())))
                .toList();
        var model = new ConsolePages.Organizations(
                term, rows, found.page(), found.lastPage(), found.total(), csrf(request));
        return pages.render(HttpStatus.OK, "console/organizations.jte", model, CSP);
    }

    @GetMapping("/console/organizations/{orgId}")
    ResponseEntity<String> organization(
            @PathVariable UUID orgId, @RequestParam(required = false) String notice, HttpServletRequest request) {
        Organization org = organizations.get(orgId);
        List<ConsolePages.KeyRow> keys = organizations.apiKeys(orgId).stream()
                .map(ConsoleController::keyRow)
                .toList();
        List<ConsolePages.PersonaRow> personas = organizations.personas(orgId, 1, 100).items().stream()
                .map(p -> new ConsolePages.PersonaRow(p.id().toString(), p.name()))
                .toList();
        Page<ShareLink> links = shareLinks.list(orgId, 1, 100, null, null);
        Instant now = clock.now();
        List<ConsolePages.LinkRow> linkRows = links.items().stream()
                .map(link -> new ConsolePages.LinkRow(
                        link.id().toString(), link.personaName(), link.type().name(), state(link, now), uses(link)))
                .toList();
        Page<StoredResult> stored = results.list(orgId, 1, 50);
        List<ConsolePages.ResultRow> resultRows = stored.items().stream()
                .map(r -> new ConsolePages.ResultRow(r.id(), when(r.createdAt()), when(r.updatedAt())))
                .toList();
        var model = new ConsolePages.Organization(
                org.id().toString(),
                org.name(),
                plan(org),
                keys,
                personas,
                linkRows,
                links.total(),
                resultRows,
                stored.total(),
                notice(notice),
                csrf(request));
        return pages.render(HttpStatus.OK, "console/organization.jte", model, CSP);
    }

    @GetMapping("/console/organizations/{orgId}/links/{linkId}")
    ResponseEntity<String> link(
            @PathVariable UUID orgId,
            @PathVariable UUID linkId,
            @RequestParam(required = false) String notice,
            HttpServletRequest request) {
        Organization org = organizations.get(orgId);
        ShareLink link = shareLinks.get(orgId, linkId);
        var report = usage.ofLink(orgId, linkId, lastThirtyDays());
        String publicUrl = urls.publicUrl(link);
        var model = new ConsolePages.Link(
                orgId.toString(),
                org.name(),
                linkId.toString(),
                link.personaName(),
                link.type().name(),
                state(link, clock.now()),
                uses(link),
                link.enabled(),
                publicUrl,
                qrCodes.svg(publicUrl, 192),
                chartData(report),
                report.total(),
                notice(notice),
                csrf(request));
        return pages.render(HttpStatus.OK, "console/link.jte", model, CSP);
    }

    @GetMapping("/console/organizations/{orgId}/personas/{personaId}")
    ResponseEntity<String> persona(@PathVariable UUID orgId, @PathVariable UUID personaId, HttpServletRequest request) {
        Organization org = organizations.get(orgId);
        Persona persona =
                organizations.persona(orgId, personaId).orElseThrow(() -> new NotFoundException("Persona not found"));
        var report = usage.ofPersona(orgId, personaId, lastThirtyDays());
        var model = new ConsolePages.PersonaUsage(
                orgId.toString(),
                org.name(),
                personaId.toString(),
                persona.name(),
                chartData(report),
                report.total(),
                csrf(request));
        return pages.render(HttpStatus.OK, "console/persona.jte", model, CSP);
    }

    @PostMapping("/console/organizations/{orgId}/api-keys/{keyId}/revoke")
    ResponseEntity<Void> revokeKey(@PathVariable UUID orgId, @PathVariable UUID keyId) {
        organizations.revokeApiKey(orgId, keyId);
        return back("/console/organizations/" + orgId, "key-revoked");
    }

    @PostMapping("/console/organizations/{orgId}/links/{linkId}/enabled")
    ResponseEntity<Void> enable(@PathVariable UUID orgId, @PathVariable UUID linkId, @RequestParam boolean enabled) {
        shareLinks.changeSettings(orgId, linkId, new LinkSettings(enabled, null, null, null, null, null));
        return back("/console/organizations/" + orgId + "/links/" + linkId, enabled ? "link-enabled" : "link-disabled");
    }

    @PostMapping("/console/organizations/{orgId}/links/{linkId}/token")
    ResponseEntity<Void> rotate(@PathVariable UUID orgId, @PathVariable UUID linkId) {
        shareLinks.rotateToken(orgId, linkId);
        return back("/console/organizations/" + orgId + "/links/" + linkId, "token-rotated");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return pages.message(HttpStatus.NOT_FOUND, "Not found", e.getMessage() + ".", CSP);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badAddress(MethodArgumentTypeMismatchException e) {
        return pages.message(HttpStatus.BAD_REQUEST, "Not a console address", "The address names no such page.", CSP);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "key-revoked", "The key was revoked: it stops working at once, on every instance.",
            "link-enabled", "The link was enabled.",
            "link-disabled", "The link was disabled: its pages and API refuse it at once.",
            "token-rotated", "The link has a new token: the old URL (and QR code) no longer opens it.");

    /** Only the console's own words, never the query's. */
    private static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }

    private static ResponseEntity<Void> back(String path, String notice) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(path + "?notice=" + notice))
                .build();
    }

    private UsageReports.Query lastThirtyDays() {
        return new UsageReports.Query(null, null, UsageReports.Interval.DAY, "UTC");
    }

    private String chartData(UsageReports.Report report) {
        return json.writeValueAsString(Map.of(
                "labels",
                report.buckets().stream().map(b -> DAY.format(b.start())).toList(),
                "counts",
                report.buckets().stream().map(UsageReports.Bucket::count).toList()));
    }

    private static ConsolePages.KeyRow keyRow(ApiKey key) {
        return new ConsolePages.KeyRow(
                key.id().toString(),
                key.name(),
                when(key.createdAt()),
                key.lastUsedAt() == null ? "never" : when(key.lastUsedAt()),
                key.revokedAt() == null ? null : when(key.revokedAt()));
    }

    private static String plan(Organization org) {
        String watermark = org.plan().removeWatermark() ? "watermark removable" : "watermark";
        String reports = org.plan().whitelabelReports() ? "white-label reports" : "no result links";
        return watermark + ", " + reports;
    }

    private static String state(ShareLink link, Instant now) {
        LinkUnavailableException.Reason reason = PublicShareLinks.unusable(link, now);
        if (reason == null) {
            return "active";
        }
        return switch (reason) {
            case DISABLED -> "disabled";
            case EXPIRED -> "expired";
            case EXHAUSTED -> "used up";
        };
    }

    private static String uses(ShareLink link) {
        return link.usageLimit() == null
                ? link.usageCount() + " (no limit)"
                : link.usageCount() + " of " + link.usageLimit();
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static ConsolePages.Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null
                ? new ConsolePages.Csrf("_csrf", "")
                : new ConsolePages.Csrf(token.getParameterName(), token.getToken());
    }
}
