package dev.sharelinks.organization;

import dev.sharelinks.platform.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An organisation's logo and accent colour, for its pages: {@code /brand/{orgId}/logo} (the uploaded image, with
 * the type its bytes have; an SVG is served in a sandbox so that it can never run script, even opened on its own)
 * and {@code /brand/{orgId}/theme.css} (the colour as a stylesheet: the pages' CSP allows no inline style).
 */
@Controller
class BrandAssetsController {

    private static final String SANDBOXED = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final OrganizationService organizations;

    BrandAssetsController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/brand/{orgId}/logo")
    ResponseEntity<byte[]> logo(@PathVariable UUID orgId) {
        return organizations
                .logo(orgId)
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(CacheControl.noCache())
                        .eTag('"' + logo.sha256() + '"')
                        .header("Content-Security-Policy", SANDBOXED)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline; filename=\"logo\"")
                        .body(logo.bytes()))
                .orElseThrow(() -> new NotFoundException("No logo"));
    }

    @GetMapping(path = "/brand/{orgId}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable UUID orgId) {
        return organizations
                .find(orgId)
                .map(Organization::branding)
                .filter(branding -> branding.accentColor() != null)
                .map(branding -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/css;charset=UTF-8"))
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(":root { --accent: " + branding.accentColor() + "; --accent-ink: "
                                + Brands.inkOn(branding.accentColor()) + "; }\n"))
                .orElseThrow(() -> new NotFoundException("No theme"));
    }
}
