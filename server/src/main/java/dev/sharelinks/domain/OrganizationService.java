package dev.sharelinks.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.sharelinks.persistence.ApiKeyRepository;
import dev.sharelinks.persistence.OrganizationRepository;
import dev.sharelinks.persistence.PersonaRepository;

/** What the operator manages: organisations, their plans, API keys and personas. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final PersonaRepository personas;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, ApiKeyRepository apiKeys,
            PersonaRepository personas, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.personas = personas;
        this.clock = clock;
    }

    public Organization create(String name, Plan plan, String customDomain) {
        Organization org = new Organization(UUID.randomUUID(), name, plan == null ? new Plan(false, false) : plan,
                normalizeDomain(customDomain), now());
        organizations.insert(org);
        return org;
    }

    public Organization get(UUID id) {
        return organizations.findById(id).orElseThrow(OrganizationService::organizationNotFound);
    }

    @Transactional
    public Organization update(UUID id, OrganizationChanges changes) {
        Organization current = get(id);
        Plan plan = new Plan(
                changes.removeWatermark() != null ? changes.removeWatermark() : current.plan().removeWatermark(),
                changes.whitelabelReports() != null ? changes.whitelabelReports() : current.plan().whitelabelReports());
        Organization changed = new Organization(id,
                changes.name() != null ? changes.name() : current.name(),
                plan,
                changes.customDomainGiven() ? normalizeDomain(changes.customDomain()) : current.customDomain(),
                current.createdAt());
        organizations.update(changed);
        return changed;
    }

    public IssuedApiKey issueApiKey(UUID organizationId, String name) {
        get(organizationId);
        String secret = SecretTokens.newApiKey();
        ApiKey key = new ApiKey(UUID.randomUUID(), organizationId, name, now());
        apiKeys.insert(key, SecretTokens.sha256(secret));
        return new IssuedApiKey(key, secret);
    }

    public void revokeApiKey(UUID organizationId, UUID keyId) {
        get(organizationId);
        if (!apiKeys.delete(organizationId, keyId)) {
            throw new NotFoundException("API key not found");
        }
    }

    /** Registers the persona, or renames it; a persona id registered by another organisation is a conflict. */
    public Persona putPersona(UUID organizationId, UUID personaId, String name) {
        get(organizationId);
        for (int attempt = 0; attempt < 2; attempt++) {
            var existing = personas.findById(personaId);
            if (existing.isPresent()) {
                if (!existing.get().organizationId().equals(organizationId)) {
                    throw new ConflictException("Persona " + personaId + " belongs to another organization");
                }
                personas.rename(organizationId, personaId, name);
                return new Persona(personaId, organizationId, name);
            }
            try {
                Persona persona = new Persona(personaId, organizationId, name);
                personas.insert(persona, now());
                return persona;
            } catch (DuplicateKeyException registeredConcurrently) {
                // another request registered the same id between our read and insert: look again
            }
        }
        throw new ConflictException("Persona " + personaId + " is being registered concurrently; try again");
    }

    public void deletePersona(UUID organizationId, UUID personaId) {
        get(organizationId);
        if (!personas.delete(organizationId, personaId)) {
            throw new NotFoundException("Persona not found");
        }
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
