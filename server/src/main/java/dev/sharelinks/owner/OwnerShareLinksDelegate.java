package dev.sharelinks.owner;

import static dev.sharelinks.web.WireTime.utc;

import dev.sharelinks.domain.LinkSettings;
import dev.sharelinks.domain.LinkType;
import dev.sharelinks.domain.ShareLink;
import dev.sharelinks.domain.ShareLinkService;
import dev.sharelinks.generated.owner.api.OwnerApiDelegate;
import dev.sharelinks.generated.owner.model.OwnedShareLink;
import dev.sharelinks.generated.owner.model.ShareLinkSettings;
import dev.sharelinks.security.CurrentCaller;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** Settings the Anam API cannot change, and token rotation (specs/sharelinks/owner.yaml). */
@Service
public class OwnerShareLinksDelegate implements OwnerApiDelegate {

    private final ShareLinkService shareLinks;

    public OwnerShareLinksDelegate(ShareLinkService shareLinks) {
        this.shareLinks = shareLinks;
    }

    @Override
    public ResponseEntity<OwnedShareLink> updateShareLinkSettings(UUID id, ShareLinkSettings request) {
        LinkSettings settings = new LinkSettings(
                request.getEnabled(),
                request.getType() == null
                        ? null
                        : LinkType.valueOf(request.getType().getValue()),
                request.getAllowedOrigins(),
                request.getAllowAllOrigins(),
                request.getRemoveWatermark(),
                request.getIsPrimary());
        return ResponseEntity.ok(toOwned(shareLinks.changeSettings(CurrentCaller.organizationId(), id, settings)));
    }

    @Override
    public ResponseEntity<OwnedShareLink> getShareLinkSettings(UUID id) {
        return ResponseEntity.ok(toOwned(shareLinks.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<OwnedShareLink> rotateShareLinkToken(UUID id) {
        return ResponseEntity.ok(toOwned(shareLinks.rotateToken(CurrentCaller.organizationId(), id)));
    }

    static OwnedShareLink toOwned(ShareLink link) {
        return new OwnedShareLink()
                .id(link.id())
                .token(link.token())
                .type(OwnedShareLink.TypeEnum.fromValue(link.type().name()))
                .expiresAt(utc(link.expiresAt()))
                .usageLimit(link.usageLimit())
                .usageCount(link.usageCount())
                .allowedOrigins(new ArrayList<>(link.allowedOrigins()))
                .allowAllOrigins(link.allowAllOrigins())
                .removeWatermark(link.removeWatermark())
                .enabled(link.enabled())
                .isPrimary(link.primary())
                .createdAt(utc(link.createdAt()))
                .lastUsedAt(utc(link.lastUsedAt()));
    }
}
