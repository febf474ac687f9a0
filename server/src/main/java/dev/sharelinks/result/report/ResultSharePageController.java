package dev.sharelinks.result.report;

import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.web.Csp;
import dev.sharelinks.platform.web.Pages;
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
    private final Pages pages;

    ResultSharePageController(ResultService results, JsonMapper json, Pages pages) {
        this.pages = pages;
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
            return pages.render(
                    HttpStatus.OK,
                    "result.jte",
                    new ResultPage("Test result " + resultId, DisplayNames.neutralized(pretty)),
                    Csp.NOT_FRAMED);
        } catch (NotFoundException | InvalidCredentialsException e) {
            return notFound();
        } catch (ResultLinkExpiredException e) {
            return pages.message(
                    HttpStatus.GONE,
                    "This link has expired",
                    "The shareable link to this result has expired. Ask whoever shared it for a new one.");
        }
    }

    private ResponseEntity<String> notFound() {
        return pages.message(
                HttpStatus.NOT_FOUND,
                "Link not found",
                "This shareable link does not exist, or the result it pointed to was removed.");
    }
}
