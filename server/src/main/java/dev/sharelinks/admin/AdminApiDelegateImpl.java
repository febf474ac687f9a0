package dev.sharelinks.admin;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import dev.sharelinks.domain.OrganizationChanges;
import dev.sharelinks.domain.OrganizationService;
import dev.sharelinks.domain.ResultService;
import dev.sharelinks.generated.admin.api.AdminApiDelegate;
import dev.sharelinks.generated.admin.model.ApiKeyCreate;
import dev.sharelinks.generated.admin.model.ApiKeyCreated;
import dev.sharelinks.generated.admin.model.Organization;
import dev.sharelinks.generated.admin.model.OrganizationCreate;
import dev.sharelinks.generated.admin.model.OrganizationUpdate;
import dev.sharelinks.generated.admin.model.Persona;
import dev.sharelinks.generated.admin.model.PersonaUpsert;
import dev.sharelinks.generated.admin.model.Result;
import tools.jackson.databind.json.JsonMapper;

/** The operator API (specs/sharelinks/admin.yaml). */
@Service
public class AdminApiDelegateImpl implements AdminApiDelegate {

    private final OrganizationService organizations;
    private final ResultService results;
    private final JsonMapper json;

    public AdminApiDelegateImpl(OrganizationService organizations, ResultService results, JsonMapper json) {
        this.organizations = organizations;
        this.results = results;
        this.json = json;
    }

    @Override
    public ResponseEntity<Organization> createOrganization(OrganizationCreate request) {
        var org = organizations.create(request.getName(), AdminMapper.toPlan(request.getPlan()),
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
        var changes = new OrganizationChanges(request.getName(),
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
}
