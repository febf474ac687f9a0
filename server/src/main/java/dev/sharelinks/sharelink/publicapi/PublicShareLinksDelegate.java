package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.generated.publiclinks.api.PublicApiDelegate;
import dev.sharelinks.generated.publiclinks.model.JwkSetDto;
import dev.sharelinks.generated.publiclinks.model.PublicShareLinkDto;
import dev.sharelinks.generated.publiclinks.model.ShareLinkSessionDto;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.Visitor;
import dev.sharelinks.sharelink.handoff.SessionHandOff;
import dev.sharelinks.sharelink.handoff.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The public side of share links (specs/sharelinks/public.yaml): the token is the credential. */
@Service
class PublicShareLinksDelegate implements PublicApiDelegate {

    /** Sent by the service's own /frame page: the origin of the page that embeds it. */
    static final String EMBEDDING_ORIGIN = "X-Embedding-Origin";

    /**
     * Sent by the service's own pages, which send no Referer (their policy is no-referrer): the host of the page
     * the visitor came from, for the use log.
     */
    static final String VISITOR_REFERRER = "X-Visitor-Referrer";

    private final PublicShareLinks links;
    private final SessionHandOff handOff;
    private final SigningKeys signingKeys;
    private final CallerOrigin callerOrigin;
    private final PublicShareLinkMapper mapper;
    private final HttpServletRequest request;

    PublicShareLinksDelegate(
            PublicShareLinks links,
            SessionHandOff handOff,
            SigningKeys signingKeys,
            CallerOrigin callerOrigin,
            PublicShareLinkMapper mapper,
            HttpServletRequest request) {
        this.links = links;
        this.handOff = handOff;
        this.signingKeys = signingKeys;
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
        String embeddingOrigin = request.getHeader(EMBEDDING_ORIGIN);
        // the service's own frame says which page embeds it; the link must allow that page like any other origin
        String claimed = origin == null && embeddingOrigin != null ? callerOrigin.normalized(embeddingOrigin) : origin;
        String referrer = request.getHeader(HttpHeaders.REFERER);
        var visitor = Visitor.of(
                referrer != null ? referrer : request.getHeader(VISITOR_REFERRER),
                request.getHeader(HttpHeaders.USER_AGENT));
        var handedOn = handOff.start(token, claimed, visitor);
        return ResponseEntity.status(HttpStatus.CREATED).headers(cors(origin)).body(mapper.toSession(handedOn));
    }

    /** Public keys may be cached a minute: a rotation's new key is fetched when a grant names an unknown kid. */
    @Override
    public ResponseEntity<JwkSetDto> getJwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(mapper.toKeySet(signingKeys.publicKeys()));
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
