package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.generated.publiclinks.api.PublicApiDelegate;
import dev.sharelinks.generated.publiclinks.model.PublicShareLinkDto;
import dev.sharelinks.generated.publiclinks.model.ShareLinkSessionDto;
import dev.sharelinks.sharelink.PublicShareLinks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The public side of share links (specs/sharelinks/public.yaml): the token is the credential. */
@Service
class PublicShareLinksDelegate implements PublicApiDelegate {

    private final PublicShareLinks links;
    private final CallerOrigin callerOrigin;
    private final PublicShareLinkMapper mapper;
    private final HttpServletRequest request;

    PublicShareLinksDelegate(
            PublicShareLinks links,
            CallerOrigin callerOrigin,
            PublicShareLinkMapper mapper,
            HttpServletRequest request) {
        this.links = links;
        this.callerOrigin = callerOrigin;
        this.mapper = mapper;
        this.request = request;
    }

    @Override
    public ResponseEntity<PublicShareLinkDto> getPublicShareLink(String token) {
        String origin = callerOrigin.of(request);
        var link = links.status(token, origin);
        return ResponseEntity.ok().headers(cors(origin)).body(mapper.toStatus(link));
    }

    @Override
    public ResponseEntity<ShareLinkSessionDto> createShareLinkSession(String token) {
        String origin = callerOrigin.of(request);
        var use = links.use(token, origin);
        return ResponseEntity.status(HttpStatus.CREATED).headers(cors(origin)).body(mapper.toSession(use));
    }

    /** The calling page may read the answer (an opaque origin may not: it could be anyone's sandbox). */
    private static HttpHeaders cors(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null && !CallerOrigin.OPAQUE.equals(origin)) {
            headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        headers.setCacheControl("no-store");
        return headers;
    }
}
