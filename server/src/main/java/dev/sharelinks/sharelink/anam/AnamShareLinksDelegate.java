package dev.sharelinks.sharelink.anam;

import dev.sharelinks.generated.anam.api.ShareLinksApiDelegate;
import dev.sharelinks.generated.anam.model.CreateShareLinkRequestDto;
import dev.sharelinks.generated.anam.model.DeleteShareLinkResponseDto;
import dev.sharelinks.generated.anam.model.PersonaShareLinkDto;
import dev.sharelinks.generated.anam.model.PersonaShareLinkListDto;
import dev.sharelinks.generated.anam.model.ShareLinkDto;
import dev.sharelinks.generated.anam.model.UpdateShareLinkRequestDto;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.sharelink.ShareLinkService;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The Anam AI share-link API (the effective specs/anam/share-links.yaml), scoped to the caller's organisation. */
@Service
class AnamShareLinksDelegate implements ShareLinksApiDelegate {

    private final ShareLinkService shareLinks;
    private final AnamShareLinkMapper mapper;

    AnamShareLinksDelegate(ShareLinkService shareLinks, AnamShareLinkMapper mapper) {
        this.shareLinks = shareLinks;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<ShareLinkDto> createShareLink(CreateShareLinkRequestDto request) {
        if (request.getPersonaId() == null) {
            throw new InvalidInputException("personaId", "personaId is required");
        }
        var lifetime = AnamRequestValues.lifetime(
                request.getExpiresInHours() == null
                        ? AnamRequestValues.DEFAULT_EXPIRES_IN_HOURS
                        : request.getExpiresInHours());
        int limit = request.getUsageLimit() == null
                ? AnamRequestValues.DEFAULT_USAGE_LIMIT
                : AnamRequestValues.usageLimit(request.getUsageLimit());
        var link = shareLinks.create(CurrentCaller.organizationId(), request.getPersonaId(), lifetime, limit);
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toShareLink(link));
    }

    @Override
    public ResponseEntity<ShareLinkDto> updateShareLink(UUID id, UpdateShareLinkRequestDto request) {
        var lifetime =
                request.getExpiresInHours() == null ? null : AnamRequestValues.lifetime(request.getExpiresInHours());
        var limit = request.getUsageLimit() == null ? null : AnamRequestValues.usageLimit(request.getUsageLimit());
        var link = shareLinks.update(CurrentCaller.organizationId(), id, lifetime, limit);
        return ResponseEntity.ok(mapper.toShareLink(link));
    }

    @Override
    public ResponseEntity<PersonaShareLinkDto> getShareLink(UUID id) {
        return ResponseEntity.ok(mapper.toPersonaShareLink(shareLinks.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<PersonaShareLinkListDto> listShareLinks(
            Integer page, Integer perPage, String search, UUID personaId) {
        var found = shareLinks.list(
                CurrentCaller.organizationId(),
                page == null ? 1 : page,
                perPage == null ? 20 : perPage,
                search,
                personaId);
        return ResponseEntity.ok(mapper.toList(found));
    }

    @Override
    public ResponseEntity<DeleteShareLinkResponseDto> deleteShareLink(UUID id) {
        shareLinks.delete(CurrentCaller.organizationId(), id);
        return ResponseEntity.ok(new DeleteShareLinkResponseDto().message("Share link deleted successfully"));
    }
}
