package dev.sharelinks.anam;

import static dev.sharelinks.web.WireTime.utc;

import dev.sharelinks.domain.Page;
import dev.sharelinks.generated.anam.model.Pagination;
import dev.sharelinks.generated.anam.model.PersonaShareLink;
import dev.sharelinks.generated.anam.model.PersonaShareLinkList;
import dev.sharelinks.generated.anam.model.ShareLink;
import java.util.ArrayList;

/** Domain share links to the Anam wire format. */
final class AnamShareLinkMapper {

    private AnamShareLinkMapper() {}

    static ShareLink toShareLink(dev.sharelinks.domain.ShareLink link) {
        return new ShareLink()
                .id(link.id())
                .token(link.token())
                .type(ShareLink.TypeEnum.fromValue(link.type().name()))
                .expiresAt(utc(link.expiresAt()))
                .usageLimit(link.usageLimit())
                .usageCount(link.usageCount())
                .allowedOrigins(new ArrayList<>(link.allowedOrigins()))
                .allowAllOrigins(link.allowAllOrigins())
                .removeWatermark(link.removeWatermark())
                .enabled(link.enabled())
                .isPrimary(link.primary())
                .createdAt(utc(link.createdAt()));
    }

    static PersonaShareLink toPersonaShareLink(dev.sharelinks.domain.ShareLink link) {
        return new PersonaShareLink()
                .id(link.id())
                .token(link.token())
                .type(PersonaShareLink.TypeEnum.fromValue(link.type().name()))
                .expiresAt(utc(link.expiresAt()))
                .usageLimit(link.usageLimit())
                .usageCount(link.usageCount())
                .allowedOrigins(new ArrayList<>(link.allowedOrigins()))
                .allowAllOrigins(link.allowAllOrigins())
                .removeWatermark(link.removeWatermark())
                .enabled(link.enabled())
                .isPrimary(link.primary())
                .createdAt(utc(link.createdAt()))
                .personaId(link.personaId())
                .personaName(link.personaName())
                .organizationId(link.organizationId().toString());
    }

    static PersonaShareLinkList toList(Page<dev.sharelinks.domain.ShareLink> page) {
        return new PersonaShareLinkList()
                .data(page.items().stream()
                        .map(AnamShareLinkMapper::toPersonaShareLink)
                        .toList())
                .meta(new Pagination()
                        .total(Math.toIntExact(page.total()))
                        .lastPage(page.lastPage())
                        .currentPage(page.page())
                        .perPage(page.perPage())
                        .prev(page.previous())
                        .next(page.next()));
    }
}
