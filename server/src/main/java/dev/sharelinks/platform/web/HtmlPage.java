package dev.sharelinks.platform.web;

import dev.sharelinks.platform.DisplayNames;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The public pages' frame: plain, readable HTML with inline styles and no external assets, never cached
 * (a link's state can change at any moment), with a CSP that allows nothing the page does not carry itself.
 */
public final class HtmlPage {

    /** Nothing but inline styles, and the page's own script when it has one (by nonce); never framed by default. */
    public static String csp(String scriptNonce, String frameAncestors) {
        return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
                + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'; connect-src 'self'")
                + "; frame-ancestors " + frameAncestors;
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
            main{max-width:60rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.4rem}
            .card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:1rem 1.25rem}
            pre{white-space:pre-wrap;word-break:break-word;font-size:.9rem;line-height:1.4}
            .muted{color:#5b6475;font-size:.9rem}
            button{font-size:1.1rem;padding:.6rem 1.4rem;border-radius:6px;border:0;background:#2a5bd7;color:#fff;cursor:pointer}
            button:disabled{background:#8aa2d8;cursor:default}
            .watermark{margin-top:2rem;color:#5b6475;font-size:.8rem}
            """;

    private HtmlPage() {}

    public static ResponseEntity<String> render(HttpStatus status, String title, String bodyHtml) {
        return render(status, title, bodyHtml, null, "'none'");
    }

    /**
     * @param scriptNonce    nonce of the page's inline script, or null when it has none
     * @param frameAncestors CSP source list of who may frame the page; {@code 'none'} also sends X-Frame-Options
     */
    public static ResponseEntity<String> render(
            HttpStatus status, String title, String bodyHtml, String scriptNonce, String frameAncestors) {
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body><main>
                %s
                </main></body>
                </html>
                """.formatted(escape(title), STYLE, bodyHtml);
        var response = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", csp(scriptNonce, frameAncestors))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
        if ("'none'".equals(frameAncestors)) {
            response.header("X-Frame-Options", "DENY");
        }
        return response.body(html);
    }

    public static ResponseEntity<String> message(HttpStatus status, String title, String text) {
        return message(status, title, text, "'none'");
    }

    public static ResponseEntity<String> message(HttpStatus status, String title, String text, String frameAncestors) {
        return render(
                status,
                title,
                "<h1>" + escape(title) + "</h1>\n<p class=\"card\">" + escape(text) + "</p>",
                null,
                frameAncestors);
    }

    /** HTML-escaped, with bidirectional controls written as visible escapes (they could reorder the page). */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(DisplayNames.neutralized(text), "UTF-8");
    }
}
