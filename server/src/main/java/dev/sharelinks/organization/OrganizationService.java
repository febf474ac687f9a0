package dev.sharelinks.organization;

import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.audit.AuditTrail;
import dev.sharelinks.platform.ConflictException;
import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.platform.DuplicateKeyRetry;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.SecretTokens;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the operator manages: organisations, their plans, API keys and personas. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final PersonaRepository personas;
    private final AuditTrail audit;
    private final SecretTokens secrets;
    private final DuplicateKeyRetry retry;
    private final ApplicationEventPublisher events;
    private final MillisecondClock clock;

    OrganizationService(
            OrganizationRepository organizations,
            ApiKeyRepository apiKeys,
            PersonaRepository personas,
            AuditTrail audit,
            SecretTokens secrets,
            DuplicateKeyRetry retry,
            ApplicationEventPublisher events,
            MillisecondClock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.personas = personas;
        this.audit = audit;
        this.secrets = secrets;
        this.retry = retry;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Organization create(String name, Plan plan, String customDomain) {
        DisplayNames.check("name", name);
        Organization org = new Organization(
                UUID.randomUUID(),
                name,
                plan == null ? new Plan(false, false) : plan,
                normalizeDomain(customDomain),
                clock.now());
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
        return find(id).orElseThrow(OrganizationService::organizationNotFound);
    }

    public Optional<Organization> find(UUID id) {
        return organizations.findById(id);
    }

    @Transactional
    public Organization update(UUID id, OrganizationChanges changes) {
        DisplayNames.check("name", changes.name());
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
        DisplayNames.check("name", name);
        get(organizationId);
        String secret = secrets.newApiKey();
        ApiKey key = new ApiKey(UUID.randomUUID(), organizationId, name, clock.now());
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

    /** The organisation's persona with this id; another organisation's is as absent as an unknown one. */
    public Optional<Persona> persona(UUID organizationId, UUID personaId) {
        return personas.findById(personaId)
                .filter(persona -> persona.organizationId().equals(organizationId));
    }

    /** Registers the persona, or renames it; a persona id registered by another organisation is a conflict. */
    public Persona putPersona(UUID organizationId, UUID personaId, String name) {
        DisplayNames.check("name", name);
        get(organizationId);
        return retry.inOwnTransaction(
                () -> putPersonaOnce(organizationId, personaId, name),
                () -> new ConflictException("Persona " + personaId + " is being registered concurrently; try again"));
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
        personas.insert(persona, clock.now());
        audit.record(
                organizationId,
                TargetType.PERSONA,
                personaId,
                "persona.created",
                AuditTrail.diff(Map.of(), Map.of("name", name)));
        return persona;
    }

    /**
     * Deletes a persona. Its links go with it: the rooms that keep things of a persona hear {@link PersonaDeleting}
     * first, in this transaction, and remove (and record) them.
     */
    @Transactional
    public void deletePersona(UUID organizationId, UUID personaId) {
        get(organizationId);
        if (persona(organizationId, personaId).isEmpty()) {
            throw new NotFoundException("Persona not found");
        }
        events.publishEvent(new PersonaDeleting(organizationId, personaId));
        if (!personas.delete(organizationId, personaId)) {
            throw new NotFoundException("Persona not found");
        }
        audit.record(organizationId, TargetType.PERSONA, personaId, "persona.deleted", Map.of());
    }

    private static Map<String, Object> auditView(Organization org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", org.name());
        view.put("removeWatermark", org.plan().removeWatermark());
        view.put("whitelabelReports", org.plan().whitelabelReports());
        view.put("customDomain", org.customDomain());
        return view;
    }

    private static String normalizeDomain(String domain) {
        return domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
    }

    private static NotFoundException organizationNotFound() {
        return new NotFoundException("Organization not found");
    }
}
