package dev.sharelinks.docs;

import dev.sharelinks.platform.web.Csp;
import dev.sharelinks.platform.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API reference at {@code /docs}: Swagger UI (webjar) over the effective specs ({@code specs/target/effective/}:
 * vendor documents with our overlays applied, and our own specs), which the build copies to {@code /docs/specs/}. Everything the page loads comes from this server; its CSP says so (Swagger UI
 * sets styles on its elements, so inline styles are allowed here, inline scripts are not).
 */
@Controller
class ApiReferenceController {

    private final Pages pages;

    ApiReferenceController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping({"/docs", "/docs/"})
    ResponseEntity<String> reference() {
        return pages.render(
                HttpStatus.OK, "docs.jte", "Share-link service — API reference", Csp.NOT_FRAMED.withInlineStyles());
    }
}
