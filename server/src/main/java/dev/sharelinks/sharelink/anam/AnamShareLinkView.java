package dev.sharelinks.sharelink.anam;

import dev.sharelinks.sharelink.ShareLink;
import org.springframework.stereotype.Component;

/** A link as the Anam API's {@code GET /v1/share-links/{id}} shows it, for other rooms that speak of links. */
@Component
public class AnamShareLinkView {

    private final AnamShareLinkMapper mapper;

    AnamShareLinkView(AnamShareLinkMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the vendor's {@code PersonaShareLink}, ready for JSON */
    public Object of(ShareLink link) {
        return mapper.toPersonaShareLink(link);
    }
}
