package dev.sharelinks.domain;

import dev.sharelinks.domain.AuditEvent.TargetType;
import dev.sharelinks.persistence.ApiKeyRepository;
import dev.sharelinks.persistence.OrganizationRepository;
import dev.sharelinks.persistence.PersonaRepository;
import dev.sharelinks.persistence.ShareLinkRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What the operator manages: organisations, their plans, API keys and personas. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final PersonaRepository personas;
    private final ShareLinkRepository links;
    private final AuditTrail audit;
    private final SecretTokens secrets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OrganizationService(
            OrganizationRepository organizations,
            ApiKeyRepository apiKeys,
            PersonaRepository personas,
            ShareLinkRepository links,
            AuditTrail audit,
            SecretTokens secrets,
            TransactionTemplate transaction,
            Clock clock) {
        this.transaction = transaction;
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.personas = personas;
        this.links = links;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Transactional
    public Organization create(String name, Plan plan, String customDomain) {
        Organization org = new Organization(
                UUID.randomUUID(),
                name,
                plan == null ? new Plan(false, false) : plan,
                normalizeDomain(customDomain),
                now());
        organizations.insert(org);
        audit.record(
                org.id(),
                TargetType.ORGANIZATION,
                org.id(),
                "organization.created",
                AuditTrail.diff(Map.of(), auditView(org)));
        return org;
    }

    public Organization get(UUID id) {
        return organizations.findById(id).orElseThrow(OrganizationService::organizationNotFound);
    }

    @Transactional
    public Organization update(UUID id, OrganizationChanges changes) {
        Organization current = get(id);
        Plan plan = new Plan(
                changes.removeWatermark() != null
                        ? changes.removeWatermark()
                        : current.plan().removeWatermark(),
                changes.whitelabelReports() != null
                        ? changes.whitelabelReports()
                        : current.plan().whitelabelReports());
        Organization changed = new Organization(
                id,
                changes.name() != null ? changes.name() : current.name(),
                plan,
                changes.customDomainGiven() ? normalizeDomain(changes.customDomain()) : current.customDomain(),
                current.createdAt());
        organizations.update(changed);
        audit.record(
                id,
                TargetType.ORGANIZATION,
                id,
                "organization.updated",
                AuditTrail.diff(auditView(current), auditView(changed)));
        return changed;
    }

    @Transactional
    public IssuedApiKey issueApiKey(UUID organizationId, String name) {
        get(organizationId);
        String secret = secrets.newApiKey();
        ApiKey key = new ApiKey(UUID.randomUUID(), organizationId, name, now());
        apiKeys.insert(key, SecretTokens.sha256(secret));
        audit.record(
                organizationId,
                TargetType.API_KEY,
                key.id(),
                "api_key.created",
                AuditTrail.diff(Map.of(), Map.of("name", name)));
        return new IssuedApiKey(key, secret);
    }

    @Transactional
    public void revokeApiKey(UUID organizationId, UUID keyId) {
        get(organizationId);
        if (!apiKeys.delete(organizationId, keyId)) {
            throw new NotFoundException("API key not found");
        }
        audit.record(organizationId, TargetType.API_KEY, keyId, "api_key.revoked", Map.of());
    }

    /** Registers the persona, or renames it; a persona id registered by another organisation is a conflict. */
    public Persona putPersona(UUID organizationId, UUID personaId, String name) {
        get(organizationId);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                // one transaction per attempt: on PostgreSQL a failed insert spoils the transaction it ran in
                return transaction.execute(status -> putPersonaOnce(organizationId, personaId, name));
            } catch (DuplicateKeyException registeredConcurrently) {
                // another request registered the same id between our read and insert: look again
            }
        }
        throw new ConflictException("Persona " + personaId + " is being registered concurrently; try again");
    }

    private Persona putPersonaOnce(UUID organizationId, UUID personaId, String name) {
        var existing = personas.findById(personaId);
        if (existing.isPresent()) {
            if (!existing.get().organizationId().equals(organizationId)) {
                throw new ConflictException("Persona " + personaId + " belongs to another organization");
            }
            personas.rename(organizationId, personaId, name);
            var changes = AuditTrail.diff(Map.of("name", existing.get().name()), Map.of("name", name));
            if (!changes.isEmpty()) {
                audit.record(organizationId, TargetType.PERSONA, personaId, "persona.renamed", changes);
            }
            return new Persona(personaId, organizationId, name);
        }
        Persona persona = new Persona(personaId, organizationId, name);
        personas.insert(persona, now());
        audit.record(
                organizationId,
                TargetType.PERSONA,
                personaId,
                "persona.created",
                AuditTrail.diff(Map.of(), Map.of("name", name)));
        return persona;
    }

    /** Deleting a persona deletes its links (the database cascades); the trail records each of them. */
    @Transactional
    public void deletePersona(UUID organizationId, UUID personaId) {
        get(organizationId);
        var doomed = links.list(organizationId, null, personaId, 0, Integer.MAX_VALUE);
        if (!personas.delete(organizationId, personaId)) {
            throw new NotFoundException("Persona not found");
        }
        audit.record(organizationId, TargetType.PERSONA, personaId, "persona.deleted", Map.of());
        for (ShareLink link : doomed) {
            audit.record(
                    organizationId,
                    TargetType.SHARE_LINK,
                    link.id(),
                    "share_link.deleted",
                    AuditTrail.diff(ShareLinkService.auditView(link), Map.of()));
        }
    }

    private static Map<String, Object> auditView(Organization org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", org.name());
        view.put("removeWatermark", org.plan().removeWatermark());
        view.put("whitelabelReports", org.plan().whitelabelReports());
        view.put("customDomain", org.customDomain());
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String normalizeDomain(String domain) {
        return domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
    }

    private static NotFoundException organizationNotFound() {
        return new NotFoundException("Organization not found");
    }
}
