package dev.sharelinks.result.report;

import dev.sharelinks.organization.Brands;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.WebAddresses;
import dev.sharelinks.platform.web.Csp;
import dev.sharelinks.platform.web.PageBrand;
import dev.sharelinks.platform.web.Pages;
import dev.sharelinks.result.ResultLinkExpiredException;
import dev.sharelinks.result.ResultService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /share/result/{id}/{token}}: the report a Cekura shareable link opens in a browser. It carries the
 * organisation's brand when its plan still has whitelabel reports and a brand is set, else the default look and
 * "Powered by Cekura"; a recording's origin is allowed in the CSP only when the document has one.
 */
@Controller
class ResultSharePageController {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ResultService results;
    private final OrganizationService organizations;
    private final JsonMapper json;
    private final Pages pages;
    private final ResultReports reports;

    ResultSharePageController(ResultService results, OrganizationService organizations, JsonMapper json, Pages pages) {
        this.results = results;
        this.organizations = organizations;
        this.json = json;
        this.pages = pages;
        this.reports = new ResultReports(json);
    }

    @GetMapping(path = "/share/result/{id}/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String id, @PathVariable String token) {
        long resultId;
        try {
            resultId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return notFound();
        }
        ResultService.SharedResult shared;
        try {
            shared = results.readSharedResult(resultId, token);
        } catch (NotFoundException | InvalidCredentialsException e) {
            return notFound();
        } catch (ResultLinkExpiredException e) {
            return pages.message(
                    HttpStatus.GONE,
                    "This link has expired",
                    "The shareable link to this result has expired. Ask whoever shared it for a new one.");
        }
        JsonNode document = json.readTree(shared.document());
        ResultReport report = reports.read(resultId, document);
        PageBrand brand = organizations
                .find(shared.organizationId())
                .filter(org -> org.plan().whitelabelReports() && org.branding().isSet())
                .map(Brands::of)
                .orElse(null);
        Csp csp = Csp.NOT_FRAMED;
        if (brand != null && brand.imageOrigin() != null) {
            csp = csp.withImages(brand.imageOrigin());
        }
        Set<String> recordings = new LinkedHashSet<>();
        report.runs().stream()
                .filter(run -> run.recordingUrl() != null)
                .forEach(run -> recordings.add(WebAddresses.originOf(run.recordingUrl())));
        if (!recordings.isEmpty()) {
            csp = csp.withMedia(recordings.toArray(String[]::new));
        }
        return pages.render(
                HttpStatus.OK,
                "report.jte",
                new ReportPage(
                        report, UNTIL.format(shared.expireAt()), brand, brand == null ? "Powered by Cekura" : null),
                csp);
    }

    private ResponseEntity<String> notFound() {
        return pages.message(
                HttpStatus.NOT_FOUND,
                "Link not found",
                "This shareable link does not exist, or the result it pointed to was removed.");
    }
}
