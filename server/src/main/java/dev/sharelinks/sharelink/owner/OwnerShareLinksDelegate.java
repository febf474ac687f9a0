package dev.sharelinks.sharelink.owner;

import dev.sharelinks.generated.owner.api.OwnerApiDelegate;
import dev.sharelinks.generated.owner.model.OwnedShareLinkDto;
import dev.sharelinks.generated.owner.model.ShareLinkSettingsDto;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.sharelink.ShareLinkService;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** Settings the Anam API cannot change, and token rotation (specs/sharelinks/owner.yaml). */
@Service
class OwnerShareLinksDelegate implements OwnerApiDelegate {

    private final ShareLinkService shareLinks;
    private final OwnerShareLinkMapper mapper;

    OwnerShareLinksDelegate(ShareLinkService shareLinks, OwnerShareLinkMapper mapper) {
        this.shareLinks = shareLinks;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> updateShareLinkSettings(UUID id, ShareLinkSettingsDto request) {
        var changed = shareLinks.changeSettings(CurrentCaller.organizationId(), id, mapper.toSettings(request));
        return ResponseEntity.ok(mapper.toOwned(changed));
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> getShareLinkSettings(UUID id) {
        return ResponseEntity.ok(mapper.toOwned(shareLinks.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> rotateShareLinkToken(UUID id) {
        return ResponseEntity.ok(mapper.toOwned(shareLinks.rotateToken(CurrentCaller.organizationId(), id)));
    }
}
