package dev.sharelinks.admin;

import dev.sharelinks.audit.AuditQuery;
import dev.sharelinks.audit.AuditTrail;
import dev.sharelinks.generated.admin.api.AdminApiDelegate;
import dev.sharelinks.generated.admin.model.AnamCredentialPutDto;
import dev.sharelinks.generated.admin.model.AnamCredentialStatusDto;
import dev.sharelinks.generated.admin.model.ApiKeyCreateDto;
import dev.sharelinks.generated.admin.model.ApiKeyCreatedDto;
import dev.sharelinks.generated.admin.model.ApiKeyDto;
import dev.sharelinks.generated.admin.model.AuditActorTypeDto;
import dev.sharelinks.generated.admin.model.AuditEventPageDto;
import dev.sharelinks.generated.admin.model.AuditTargetTypeDto;
import dev.sharelinks.generated.admin.model.LogoUploadDto;
import dev.sharelinks.generated.admin.model.OrganizationCreateDto;
import dev.sharelinks.generated.admin.model.OrganizationDto;
import dev.sharelinks.generated.admin.model.OrganizationPageDto;
import dev.sharelinks.generated.admin.model.OrganizationUpdateDto;
import dev.sharelinks.generated.admin.model.PersonaDto;
import dev.sharelinks.generated.admin.model.PersonaPageDto;
import dev.sharelinks.generated.admin.model.PersonaUpsertDto;
import dev.sharelinks.generated.admin.model.ResultDto;
import dev.sharelinks.generated.admin.model.ResultPageDto;
import dev.sharelinks.generated.admin.model.SigningKeyDto;
import dev.sharelinks.generated.admin.model.WebhookEndpointDto;
import dev.sharelinks.organization.OrganizationChanges;
import dev.sharelinks.organization.OrganizationChanges.Given;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.PersonaDetails;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.sharelink.handoff.SigningKeys;
import dev.sharelinks.webhook.WebhookEndpoints;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The operator API (specs/sharelinks/admin.yaml). */
@Service
class OperatorApiDelegate implements AdminApiDelegate {

    private final OrganizationService organizations;
    private final ResultService results;
    private final AuditTrail audit;
    private final OperatorApiMapper mapper;
    private final JsonMapper json;
    private final SigningKeys signingKeys;
    private final WebhookEndpoints webhookEndpoints;

    OperatorApiDelegate(
            OrganizationService organizations,
            ResultService results,
            AuditTrail audit,
            OperatorApiMapper mapper,
            JsonMapper json,
            SigningKeys signingKeys,
            WebhookEndpoints webhookEndpoints) {
        this.signingKeys = signingKeys;
        this.webhookEndpoints = webhookEndpoints;
        this.organizations = organizations;
        this.results = results;
        this.audit = audit;
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public ResponseEntity<OrganizationDto> createOrganization(OrganizationCreateDto request) {
        var org = organizations.create(
                request.getName(),
                mapper.toPlan(request.getPlan()),
                request.getCustomDomain().orElse(null),
                request.getLaunchUrl().orElse(null),
                request.getGrantAudience().orElse(null),
                mapper.toBranding(request.getBranding()));
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toOrganization(org));
    }

    @Override
    public ResponseEntity<OrganizationPageDto> listOrganizations(String search, Integer page, Integer perPage) {
        return ResponseEntity.ok(mapper.toOrganizationPage(organizations.list(search, page, perPage)));
    }

    @Override
    public ResponseEntity<List<ApiKeyDto>> listApiKeys(UUID orgId) {
        return ResponseEntity.ok(
                organizations.apiKeys(orgId).stream().map(mapper::toApiKey).toList());
    }

    @Override
    public ResponseEntity<PersonaPageDto> listPersonas(UUID orgId, Integer page, Integer perPage) {
        return ResponseEntity.ok(mapper.toPersonaPage(organizations.personas(orgId, page, perPage)));
    }

    @Override
    public ResponseEntity<ResultPageDto> listResults(UUID orgId, Integer page, Integer perPage) {
        return ResponseEntity.ok(mapper.toResultPage(results.list(orgId, page, perPage)));
    }

    @Override
    public ResponseEntity<OrganizationDto> getOrganization(UUID orgId) {
        return ResponseEntity.ok(mapper.toOrganization(organizations.get(orgId)));
    }

    @Override
    public ResponseEntity<OrganizationDto> updateOrganization(UUID orgId, OrganizationUpdateDto request) {
        var plan = request.getPlan();
        var changes = new OrganizationChanges(
                request.getName(),
                plan == null ? null : plan.getRemoveWatermark(),
                plan == null ? null : plan.getWhitelabelReports(),
                given(request.getCustomDomain()),
                given(request.getLaunchUrl()),
                given(request.getGrantAudience()),
                request.getBranding() == null
                        ? Given.NOT_GIVEN
                        : given(request.getBranding().getDisplayName()),
                request.getBranding() == null
                        ? Given.NOT_GIVEN
                        : given(request.getBranding().getAccentColor()),
                request.getBranding() == null
                        ? Given.NOT_GIVEN
                        : given(request.getBranding().getLogoUrl()));
        return ResponseEntity.ok(mapper.toOrganization(organizations.update(orgId, changes)));
    }

    @Override
    public ResponseEntity<ApiKeyCreatedDto> createApiKey(UUID orgId, ApiKeyCreateDto request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(mapper.toApiKeyCreated(organizations.issueApiKey(orgId, request.getName())));
    }

    @Override
    public ResponseEntity<Void> deleteApiKey(UUID orgId, UUID keyId) {
        organizations.revokeApiKey(orgId, keyId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<PersonaDto> putPersona(UUID orgId, UUID personaId, PersonaUpsertDto request) {
        var details = new PersonaDetails(
                request.getName(),
                request.getLaunchUrl().orElse(null),
                request.getDescription().orElse(null),
                request.getAvatarUrl().orElse(null));
        return ResponseEntity.ok(mapper.toPersona(organizations.putPersona(orgId, personaId, details)));
    }

    @Override
    public ResponseEntity<Void> deletePersona(UUID orgId, UUID personaId) {
        organizations.deletePersona(orgId, personaId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<ResultDto> putResult(UUID orgId, Integer resultId, Map<String, Object> document) {
        return ResponseEntity.ok(mapper.toResult(results.put(orgId, resultId, json.writeValueAsString(document))));
    }

    @Override
    public ResponseEntity<Void> deleteResult(UUID orgId, Integer resultId) {
        results.delete(orgId, resultId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<AuditEventPageDto> listAuditEvents(
            UUID organizationId,
            AuditTargetTypeDto targetType,
            String targetId,
            String action,
            AuditActorTypeDto actorType,
            UUID actorId,
            OffsetDateTime since,
            OffsetDateTime until,
            Integer limit,
            String cursor) {
        int pageSize = limit == null ? 50 : limit;
        // one more than asked tells whether there is a next page
        var events = audit.list(new AuditQuery(
                organizationId,
                mapper.toTargetType(targetType),
                targetId,
                action,
                mapper.toActorType(actorType),
                actorId,
                since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(),
                cursor(cursor),
                pageSize + 1));
        var page = events.subList(0, Math.min(pageSize, events.size()));
        String next = events.size() > pageSize
                ? Long.toString(page.get(page.size() - 1).id())
                : null;
        return ResponseEntity.ok(mapper.toAuditEventPage(page, next));
    }

    @Override
    public ResponseEntity<OrganizationDto> putLogo(UUID orgId, LogoUploadDto request) {
        byte[] image;
        try {
            image = java.util.Base64.getMimeDecoder().decode(request.getImage());
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidInputException("image", "image must be base64");
        }
        return ResponseEntity.ok(mapper.toOrganization(organizations.putLogo(orgId, image)));
    }

    @Override
    public ResponseEntity<Void> deleteLogo(UUID orgId) {
        organizations.deleteLogo(orgId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<WebhookEndpointDto>> listOrganizationWebhookEndpoints(UUID orgId) {
        organizations.get(orgId);
        return ResponseEntity.ok(webhookEndpoints.list(orgId).stream()
                .map(mapper::toWebhookEndpoint)
                .toList());
    }

    @Override
    public ResponseEntity<WebhookEndpointDto> disableOrganizationWebhookEndpoint(UUID orgId, UUID endpointId) {
        organizations.get(orgId);
        return ResponseEntity.ok(mapper.toWebhookEndpoint(webhookEndpoints.disableByOperator(orgId, endpointId)));
    }

    @Override
    public ResponseEntity<AnamCredentialStatusDto> getAnamCredential(UUID orgId) {
        return ResponseEntity.ok(mapper.toCredentialStatus(organizations.anamCredentialStatus(orgId)));
    }

    @Override
    public ResponseEntity<AnamCredentialStatusDto> putAnamCredential(UUID orgId, AnamCredentialPutDto request) {
        return ResponseEntity.ok(mapper.toCredentialStatus(
                organizations.putAnamCredential(orgId, request.getApiKey(), request.getBaseUrl())));
    }

    @Override
    public ResponseEntity<Void> deleteAnamCredential(UUID orgId) {
        organizations.deleteAnamCredential(orgId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<SigningKeyDto>> listSigningKeys() {
        return ResponseEntity.ok(
                signingKeys.list().stream().map(mapper::toSigningKey).toList());
    }

    @Override
    public ResponseEntity<SigningKeyDto> rotateSigningKey() {
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toSigningKey(signingKeys.rotate()));
    }

    private static Given given(JsonNullable<String> field) {
        return field.isPresent() ? Given.of(field.get()) : Given.NOT_GIVEN;
    }

    private static Long cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            long id = Long.parseLong(cursor);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notOurs) {
            // falls through to the error below
        }
        throw new InvalidInputException("cursor", "cursor must be the nextCursor of a previous page");
    }
}
