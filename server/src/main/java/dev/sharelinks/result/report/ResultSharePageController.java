package dev.sharelinks.result.report;

import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.web.HtmlPage;
import dev.sharelinks.result.ResultLinkExpiredException;
import dev.sharelinks.result.ResultService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /share/result/{id}/{token}}: the page a Cekura shareable link opens in a browser. */
@Controller
class ResultSharePageController {

    private final ResultService results;
    private final JsonMapper json;

    ResultSharePageController(ResultService results, JsonMapper json) {
        this.results = results;
        this.json = json;
    }

    @GetMapping(path = "/share/result/{id}/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String id, @PathVariable String token) {
        long resultId;
        try {
            resultId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return notFound();
        }
        try {
            String document = results.readShared(resultId, token);
            JsonNode tree = json.readTree(document);
            String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            return HtmlPage.render(
                    HttpStatus.OK, "Test result " + resultId, """
                    <h1>Test result %d</h1>
                    <p class="muted">Shared with you through a time-limited link.</p>
                    <div class="card"><pre>%s</pre></div>
                    """.formatted(resultId, HtmlPage.escape(pretty)));
        } catch (NotFoundException | InvalidCredentialsException e) {
            return notFound();
        } catch (ResultLinkExpiredException e) {
            return HtmlPage.message(
                    HttpStatus.GONE,
                    "This link has expired",
                    "The shareable link to this result has expired. Ask whoever shared it for a new one.");
        }
    }

    private static ResponseEntity<String> notFound() {
        return HtmlPage.message(
                HttpStatus.NOT_FOUND,
                "Link not found",
                "This shareable link does not exist, or the result it pointed to was removed.");
    }
}
