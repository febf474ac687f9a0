package dev.sharelinks.sharelink.pages;

import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.web.HtmlPage;
import dev.sharelinks.sharelink.LinkType;
import dev.sharelinks.sharelink.LinkUnavailableException;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.ShareLink;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages a share link opens: {@code /share/{token}} (full page) and {@code /frame/{token}} (for iframes).
 * Opening a page never consumes a use (link scanners and chat previews open links); pressing Start does,
 * through the public sessions endpoint.
 */
@Controller
class ShareLinkPageController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PublicShareLinks links;

    ShareLinkPageController(PublicShareLinks links) {
        this.links = links;
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
            return HtmlPage.message(
                    HttpStatus.NOT_FOUND,
                    "Link not found",
                    "This share link does not exist. It may have been deleted, or replaced by a new link.");
        } catch (LinkUnavailableException e) {
            String text = switch (e.reason()) {
                case EXPIRED -> "This share link has expired.";
                case EXHAUSTED -> "This share link has been used as many times as it allows.";
                case DISABLED -> "This share link has been switched off by its owner.";
            };
            return HtmlPage.message(HttpStatus.GONE, "Link unavailable", text);
        }
        String nonce = nonce();
        String ancestors = framed ? frameAncestors(link) : "'none'";
        Integer remaining = PublicShareLinks.remainingUses(link);
        String body = """
                <h1>%s</h1>
                <div class="card">
                <p class="muted">%s</p>
                <button id="start" type="button" data-token="%s">Start</button>
                <p id="status" role="status" aria-live="polite"></p>
                </div>
                %s
                <script nonce="%s">
                (function () {
                  var button = document.getElementById('start');
                  var status = document.getElementById('status');
                  button.addEventListener('click', function () {
                    button.disabled = true;
                    status.textContent = 'Starting…';
                    fetch('/v1/public/share-links/' + encodeURIComponent(button.dataset.token) + '/sessions', {method: 'POST'})
                      .then(function (response) {
                        return response.json().then(function (body) { return {ok: response.ok, body: body}; });
                      })
                      .then(function (result) {
                        if (result.ok) {
                          status.dataset.sessionId = result.body.sessionId;
                          status.textContent = 'Session started.' + (result.body.remainingUses === null ? ''
                              : ' Uses left: ' + result.body.remainingUses + '.');
                        } else {
                          status.textContent = result.body.message || 'This link cannot be used.';
                        }
                      })
                      .catch(function () {
                        status.textContent = 'Could not reach the server. Try again.';
                        button.disabled = false;
                      });
                  });
                })();
                </script>
                """.formatted(
                        HtmlPage.escape(link.personaName()),
                        describe(link, remaining),
                        HtmlPage.escape(link.token()),
                        link.removeWatermark() ? "" : "<p class=\"watermark\" id=\"watermark\">Powered by Anam</p>",
                        nonce);
        return HtmlPage.render(HttpStatus.OK, link.personaName(), body, nonce, ancestors);
    }

    private static String describe(ShareLink link, Integer remaining) {
        String uses = remaining == null ? "Unlimited uses." : remaining + " of " + link.usageLimit() + " uses left.";
        String expiry = link.expiresAt() == null ? "" : " Valid until " + EXPIRY.format(link.expiresAt()) + ".";
        return HtmlPage.escape(uses + expiry);
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

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
