package dev.sharelinks.anam;

import dev.sharelinks.domain.ShareLinkService;
import dev.sharelinks.generated.anam.api.ShareLinksApiDelegate;
import dev.sharelinks.generated.anam.model.CreateShareLinkRequest;
import dev.sharelinks.generated.anam.model.DeleteShareLinkResponse;
import dev.sharelinks.generated.anam.model.PersonaShareLink;
import dev.sharelinks.generated.anam.model.PersonaShareLinkList;
import dev.sharelinks.generated.anam.model.ShareLink;
import dev.sharelinks.generated.anam.model.UpdateShareLinkRequest;
import dev.sharelinks.security.CurrentCaller;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The Anam AI share-link API (specs/anam/share-links.yaml), scoped to the caller's organisation. */
@Service
public class AnamShareLinksDelegate implements ShareLinksApiDelegate {

    private final ShareLinkService shareLinks;

    public AnamShareLinksDelegate(ShareLinkService shareLinks) {
        this.shareLinks = shareLinks;
    }

    @Override
    public ResponseEntity<ShareLink> createShareLink(CreateShareLinkRequest request) {
        var link = shareLinks.create(
                CurrentCaller.organizationId(),
                request.getPersonaId(),
                request.getExpiresInHours(),
                request.getUsageLimit());
        return ResponseEntity.status(HttpStatus.CREATED).body(AnamShareLinkMapper.toShareLink(link));
    }

    @Override
    public ResponseEntity<ShareLink> updateShareLink(UUID id, UpdateShareLinkRequest request) {
        var link = shareLinks.update(
                CurrentCaller.organizationId(), id, request.getExpiresInHours(), request.getUsageLimit());
        return ResponseEntity.ok(AnamShareLinkMapper.toShareLink(link));
    }

    @Override
    public ResponseEntity<PersonaShareLink> getShareLink(UUID id) {
        return ResponseEntity.ok(
                AnamShareLinkMapper.toPersonaShareLink(shareLinks.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<PersonaShareLinkList> listShareLinks(
            Integer page, Integer perPage, String search, UUID personaId) {
        var result = shareLinks.list(
                CurrentCaller.organizationId(),
                page == null ? 1 : page,
                perPage == null ? 20 : perPage,
                search,
                personaId);
        return ResponseEntity.ok(AnamShareLinkMapper.toList(result));
    }

    @Override
    public ResponseEntity<DeleteShareLinkResponse> deleteShareLink(UUID id) {
        shareLinks.delete(CurrentCaller.organizationId(), id);
        return ResponseEntity.ok(new DeleteShareLinkResponse().message("Share link deleted successfully"));
    }
}
