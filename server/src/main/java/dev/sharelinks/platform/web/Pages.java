package dev.sharelinks.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the public pages from their JTE templates ({@code src/main/jte}, compiled with the code): never cached (a
 * link's state can change at any moment), no referrer, {@code nosniff}, and the page's own CSP ({@link Csp}).
 */
@Component
public class Pages {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * @param template the template's file name under src/main/jte, e.g. {@code share.jte}
     * @param model    the template's one parameter
     */
    public ResponseEntity<String> render(HttpStatus status, String template, Object model, Csp csp) {
        StringOutput html = new StringOutput();
        templates.render(template, model, html);
        var response = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", csp.header())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
        if (csp.unframable()) {
            response.header("X-Frame-Options", "DENY");
        }
        return response.body(html.toString());
    }

    /** A page that only says something (an error, a state): the message template, never framed. */
    public ResponseEntity<String> message(HttpStatus status, String title, String text) {
        return message(status, title, text, Csp.NOT_FRAMED);
    }

    public ResponseEntity<String> message(HttpStatus status, String title, String text, Csp csp) {
        return render(status, "message.jte", new MessagePage(title, text), csp);
    }
}
