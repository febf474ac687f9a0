package dev.sharelinks.sharelink.pages;

import dev.sharelinks.organization.Brands;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Persona;
import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.WebAddresses;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.web.Csp;
import dev.sharelinks.platform.web.PageBrand;
import dev.sharelinks.platform.web.Pages;
import dev.sharelinks.sharelink.LinkType;
import dev.sharelinks.sharelink.LinkUnavailableException;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.ShareLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages a share link opens: {@code /share/{token}} (full page) and {@code /frame/{token}} (for iframes).
 * Opening a page never consumes a use (link scanners and chat previews open links); pressing Start does, through
 * the public sessions endpoint, and the page's script hands the use on (launch URL, the embedding page, or the
 * Anam persona). The CSP names the Anam SDK's and API's origins only for an organisation with the hand-off.
 */
@Controller
class ShareLinkPageController {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PublicShareLinks links;
    private final OrganizationService organizations;
    private final Pages pages;
    private final JsonMapper json;
    private final String sdkUrl;

    ShareLinkPageController(
            PublicShareLinks links,
            OrganizationService organizations,
            Pages pages,
            JsonMapper json,
            ShareLinksProperties properties) {
        this.links = links;
        this.organizations = organizations;
        this.pages = pages;
        this.json = json;
        this.sdkUrl = properties.anam().sdkUrl().toString();
    }

    @GetMapping(path = "/share/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        return render(token, false);
    }

    @GetMapping(path = "/frame/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> frame(@PathVariable String token) {
        return render(token, true);
    }

    private ResponseEntity<String> render(String token, boolean framed) {
        ShareLink link;
        try {
            link = links.status(token, null);
        } catch (NotFoundException e) {
            return pages.message(
                    HttpStatus.NOT_FOUND,
                    "Link not found",
                    "This share link does not exist. It may have been deleted, or replaced by a new link.");
        } catch (LinkUnavailableException e) {
            return switch (e.reason()) {
                case EXPIRED ->
                    pages.message(
                            HttpStatus.GONE,
                            "This link has expired",
                            "This share link has expired. Ask whoever sent it for a new one.");
                case EXHAUSTED ->
                    pages.message(
                            HttpStatus.GONE,
                            "This link has been used up",
                            "This share link has been used as many times as it allows.");
                case DISABLED ->
                    pages.message(
                            HttpStatus.GONE,
                            "This link is switched off",
                            "This share link has been switched off by its owner.");
            };
        }
        Csp csp = Csp.NOT_FRAMED.framedBy(framed ? frameAncestors(link) : "'none'");
        var anamApi = organizations.anamBaseUrl(link.organizationId());
        if (anamApi.isPresent()) {
            csp = csp.withScripts(WebAddresses.originOf(sdkUrl)).withConnections(WebAddresses.originOf(anamApi.get()));
        }
        // the organisation's brand replaces the vendor's mark where the plan lets the link remove the watermark
        // (removeWatermark already says what the plan allows now)
        PageBrand brand = link.removeWatermark()
                ? organizations.find(link.organizationId()).map(Brands::of).orElse(null)
                : null;
        if (brand != null && brand.imageOrigin() != null) {
            csp = csp.withImages(brand.imageOrigin());
        }
        var persona = organizations.persona(link.organizationId(), link.personaId());
        String avatar = persona.map(Persona::avatarUrl).orElse(null);
        if (avatar != null) {
            csp = csp.withImages(WebAddresses.originOf(avatar));
        }
        Integer remaining = PublicShareLinks.remainingUses(link);
        var page = new SharePage(
                DisplayNames.neutralized(link.personaName()),
                DisplayNames.neutralized(persona.map(Persona::description).orElse(null)),
                avatar,
                link.token(),
                framed,
                remaining == null ? "Unlimited uses." : remaining + " of " + link.usageLimit() + " uses left.",
                link.expiresAt() == null ? null : "Valid until " + EXPIRY.format(link.expiresAt()) + ".",
                brand,
                brand == null ? "Powered by Anam" : null,
                anamApi.isPresent() ? sdkUrl : null,
                json.writeValueAsString(link.allowedOrigins()),
                link.usageLimit());
        return pages.render(HttpStatus.OK, "share.jte", page, csp);
    }

    /** Who may put /frame/{token} in an iframe: nobody for a direct link, else the link's allowed origins. */
    static String frameAncestors(ShareLink link) {
        if (link.type() == LinkType.LINK) {
            return "'none'";
        }
        if (link.allowAllOrigins()) {
            return "*";
        }
        if (link.allowedOrigins().isEmpty()) {
            return "'none'";
        }
        // stored origins are normalized scheme://host[:port], safe inside a header
        return link.allowedOrigins().stream().collect(Collectors.joining(" "));
    }
}
