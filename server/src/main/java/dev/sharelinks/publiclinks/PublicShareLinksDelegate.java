package dev.sharelinks.publiclinks;

import dev.sharelinks.domain.LinkUse;
import dev.sharelinks.domain.PublicShareLinks;
import dev.sharelinks.domain.ShareLink;
import dev.sharelinks.generated.publiclinks.api.PublicApiDelegate;
import dev.sharelinks.generated.publiclinks.model.PublicShareLink;
import dev.sharelinks.generated.publiclinks.model.ShareLinkSession;
import dev.sharelinks.web.WireTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The public side of share links (specs/sharelinks/public.yaml): the token is the credential. */
@Service
public class PublicShareLinksDelegate implements PublicApiDelegate {

    private final PublicShareLinks links;
    private final CallerOrigin callerOrigin;
    private final HttpServletRequest request;

    public PublicShareLinksDelegate(PublicShareLinks links, CallerOrigin callerOrigin, HttpServletRequest request) {
        this.links = links;
        this.callerOrigin = callerOrigin;
        this.request = request;
    }

    @Override
    public ResponseEntity<PublicShareLink> getPublicShareLink(String token) {
        String origin = callerOrigin.of(request);
        ShareLink link = links.status(token, origin);
        PublicShareLink body = new PublicShareLink(
                link.personaId(),
                link.personaName(),
                PublicShareLink.TypeEnum.fromValue(link.type().name()),
                link.removeWatermark(),
                WireTime.utc(link.expiresAt()),
                link.usageLimit(),
                link.usageCount(),
                PublicShareLinks.remainingUses(link));
        return ResponseEntity.ok().headers(cors(origin)).body(body);
    }

    @Override
    public ResponseEntity<ShareLinkSession> createShareLinkSession(String token) {
        String origin = callerOrigin.of(request);
        LinkUse use = links.use(token, origin);
        ShareLink link = use.link();
        ShareLinkSession body = new ShareLinkSession(
                use.sessionId(),
                link.personaId(),
                link.personaName(),
                link.removeWatermark(),
                link.usageCount(),
                PublicShareLinks.remainingUses(link));
        return ResponseEntity.status(HttpStatus.CREATED).headers(cors(origin)).body(body);
    }

    /** An embed's allowed origin may read the answer from its own page. */
    private static HttpHeaders cors(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null) {
            headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        headers.setCacheControl("no-store");
        return headers;
    }
}
