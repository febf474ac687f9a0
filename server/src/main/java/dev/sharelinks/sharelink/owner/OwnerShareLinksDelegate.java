package dev.sharelinks.sharelink.owner;

import dev.sharelinks.generated.owner.api.OwnerApiDelegate;
import dev.sharelinks.generated.owner.model.OwnedShareLinkDto;
import dev.sharelinks.generated.owner.model.ShareLinkSettingsDto;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.sharelink.ShareLinkUrls;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** Settings the Anam API cannot change, and token rotation (specs/sharelinks/owner.yaml). */
@Service
class OwnerShareLinksDelegate implements OwnerApiDelegate {

    private final ShareLinkService shareLinks;
    private final OwnerShareLinkMapper mapper;
    private final OrganizationService organizations;
    private final ShareLinkUrls urls;

    OwnerShareLinksDelegate(
            ShareLinkService shareLinks,
            OwnerShareLinkMapper mapper,
            OrganizationService organizations,
            ShareLinkUrls urls) {
        this.shareLinks = shareLinks;
        this.mapper = mapper;
        this.organizations = organizations;
        this.urls = urls;
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> updateShareLinkSettings(UUID id, ShareLinkSettingsDto request) {
        var changed = shareLinks.changeSettings(CurrentCaller.organizationId(), id, mapper.toSettings(request));
        return ResponseEntity.ok(owned(changed));
    }

    /** The link with the launch URL its uses lead to (set by the operator, on the persona or the organisation). */
    private OwnedShareLinkDto owned(ShareLink link) {
        return mapper.toOwned(
                link, organizations.launchUrl(link.organizationId(), link.personaId()), urls.publicUrl(link));
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> getShareLinkSettings(UUID id) {
        return ResponseEntity.ok(owned(shareLinks.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<OwnedShareLinkDto> rotateShareLinkToken(UUID id) {
        return ResponseEntity.ok(owned(shareLinks.rotateToken(CurrentCaller.organizationId(), id)));
    }
}
