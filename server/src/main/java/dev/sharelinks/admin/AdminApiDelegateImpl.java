package dev.sharelinks.admin;

import dev.sharelinks.domain.AuditQuery;
import dev.sharelinks.domain.AuditTrail;
import dev.sharelinks.domain.InvalidInputException;
import dev.sharelinks.domain.OrganizationChanges;
import dev.sharelinks.domain.OrganizationService;
import dev.sharelinks.domain.ResultService;
import dev.sharelinks.generated.admin.api.AdminApiDelegate;
import dev.sharelinks.generated.admin.model.ApiKeyCreate;
import dev.sharelinks.generated.admin.model.ApiKeyCreated;
import dev.sharelinks.generated.admin.model.AuditActorType;
import dev.sharelinks.generated.admin.model.AuditEventPage;
import dev.sharelinks.generated.admin.model.AuditTargetType;
import dev.sharelinks.generated.admin.model.Organization;
import dev.sharelinks.generated.admin.model.OrganizationCreate;
import dev.sharelinks.generated.admin.model.OrganizationUpdate;
import dev.sharelinks.generated.admin.model.Persona;
import dev.sharelinks.generated.admin.model.PersonaUpsert;
import dev.sharelinks.generated.admin.model.Result;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The operator API (specs/sharelinks/admin.yaml). */
@Service
public class AdminApiDelegateImpl implements AdminApiDelegate {

    private final OrganizationService organizations;
    private final ResultService results;
    private final AuditTrail audit;
    private final JsonMapper json;

    public AdminApiDelegateImpl(
            OrganizationService organizations, ResultService results, AuditTrail audit, JsonMapper json) {
        this.organizations = organizations;
        this.audit = audit;
        this.results = results;
        this.json = json;
    }

    @Override
    public ResponseEntity<Organization> createOrganization(OrganizationCreate request) {
        var org = organizations.create(
                request.getName(),
                AdminMapper.toPlan(request.getPlan()),
                request.getCustomDomain().orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(AdminMapper.toOrganization(org));
    }

    @Override
    public ResponseEntity<Organization> getOrganization(UUID orgId) {
        return ResponseEntity.ok(AdminMapper.toOrganization(organizations.get(orgId)));
    }

    @Override
    public ResponseEntity<Organization> updateOrganization(UUID orgId, OrganizationUpdate request) {
        var plan = request.getPlan();
        var changes = new OrganizationChanges(
                request.getName(),
                plan == null ? null : plan.getRemoveWatermark(),
                plan == null ? null : plan.getWhitelabelReports(),
                request.getCustomDomain().isPresent(),
                request.getCustomDomain().orElse(null));
        return ResponseEntity.ok(AdminMapper.toOrganization(organizations.update(orgId, changes)));
    }

    @Override
    public ResponseEntity<ApiKeyCreated> createApiKey(UUID orgId, ApiKeyCreate request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AdminMapper.toApiKeyCreated(organizations.issueApiKey(orgId, request.getName())));
    }

    @Override
    public ResponseEntity<Void> deleteApiKey(UUID orgId, UUID keyId) {
        organizations.revokeApiKey(orgId, keyId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Persona> putPersona(UUID orgId, UUID personaId, PersonaUpsert request) {
        return ResponseEntity.ok(AdminMapper.toPersona(organizations.putPersona(orgId, personaId, request.getName())));
    }

    @Override
    public ResponseEntity<Void> deletePersona(UUID orgId, UUID personaId) {
        organizations.deletePersona(orgId, personaId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Result> putResult(UUID orgId, Integer resultId, Map<String, Object> document) {
        return ResponseEntity.ok(AdminMapper.toResult(results.put(orgId, resultId, json.writeValueAsString(document))));
    }

    @Override
    public ResponseEntity<Void> deleteResult(UUID orgId, Integer resultId) {
        results.delete(orgId, resultId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<AuditEventPage> listAuditEvents(
            UUID organizationId,
            AuditTargetType targetType,
            String targetId,
            String action,
            AuditActorType actorType,
            UUID actorId,
            OffsetDateTime since,
            OffsetDateTime until,
            Integer limit,
            String cursor) {
        int pageSize = limit == null ? 50 : limit;
        // one more than asked tells whether there is a next page
        var events = audit.list(new AuditQuery(
                organizationId,
                AdminMapper.toTargetType(targetType),
                targetId,
                action,
                AdminMapper.toActorType(actorType),
                actorId,
                since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(),
                cursor(cursor),
                pageSize + 1));
        List<dev.sharelinks.domain.AuditEvent> page = events.subList(0, Math.min(pageSize, events.size()));
        String next = events.size() > pageSize
                ? Long.toString(page.get(page.size() - 1).id())
                : null;
        return ResponseEntity.ok(AdminMapper.toAuditEventPage(page, next));
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
