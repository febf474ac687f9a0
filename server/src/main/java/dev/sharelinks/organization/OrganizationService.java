package dev.sharelinks.organization;

import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.audit.AuditTrail;
import dev.sharelinks.platform.ConflictException;
import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.platform.DuplicateKeyRetry;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.WebAddresses;
import dev.sharelinks.platform.crypto.SecretBox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final AnamCredentialRepository anamCredentials;
    private final SecretBox secretBox;
    private final LogoRepository logos;

    OrganizationService(
            OrganizationRepository organizations,
            ApiKeyRepository apiKeys,
            PersonaRepository personas,
            AuditTrail audit,
            SecretTokens secrets,
            DuplicateKeyRetry retry,
            ApplicationEventPublisher events,
            MillisecondClock clock,
            AnamCredentialRepository anamCredentials,
            SecretBox secretBox,
            LogoRepository logos) {
        this.logos = logos;
        this.anamCredentials = anamCredentials;
        this.secretBox = secretBox;
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
        return create(name, plan, customDomain, null, null);
    }

    /**
     * @param launchUrl     where counted uses lead when the persona names none (null: nowhere)
     * @param grantAudience the grants' {@code aud} (null: the organisation's id)
     */
    @Transactional
    public Organization create(String name, Plan plan, String customDomain, String launchUrl, String grantAudience) {
        return create(name, plan, customDomain, launchUrl, grantAudience, Branding.NONE);
    }

    /** @param branding the brand for its pages (the uploaded logo is set apart, with {@link #putLogo}) */
    @Transactional
    public Organization create(
            String name, Plan plan, String customDomain, String launchUrl, String grantAudience, Branding branding) {
        DisplayNames.check("name", name);
        Organization org = new Organization(
                UUID.randomUUID(),
                name,
                plan == null ? new Plan(false, false) : plan,
                normalizeDomain(customDomain),
                clock.now(),
                WebAddresses.check("launchUrl", launchUrl),
                checkAudience(grantAudience),
                new Branding(
                        Branding.checkDisplayName(branding.displayName()),
                        Branding.checkColor(branding.accentColor()),
                        Branding.checkLogoUrl(branding.logoUrl()),
                        false));
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
                changes.customDomain().given()
                        ? normalizeDomain(changes.customDomain().value())
                        : current.customDomain(),
                current.createdAt(),
                WebAddresses.check("launchUrl", changes.launchUrl().or(current.launchUrl())),
                checkAudience(changes.grantAudience().or(current.grantAudience())),
                new Branding(
                        Branding.checkDisplayName(
                                changes.brandDisplayName().or(current.branding().displayName())),
                        Branding.checkColor(
                                changes.accentColor().or(current.branding().accentColor())),
                        Branding.checkLogoUrl(
                                changes.logoUrl().or(current.branding().logoUrl())),
                        current.branding().uploadedLogo()));
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
        if (!apiKeys.revoke(organizationId, keyId, clock.now())) {
            throw new NotFoundException("API key not found");
        }
        audit.record(organizationId, TargetType.API_KEY, keyId, "api_key.revoked", Map.of());
    }

    /** A page of organisations, oldest first; {@code search} matches any part of the name or the whole id. */
    public Page<Organization> list(String search, int page, int perPage) {
        String term = search == null || search.isBlank() ? null : search.strip();
        return new Page<>(
                organizations.page(term, (long) (page - 1) * perPage, perPage),
                organizations.count(term),
                page,
                perPage);
    }

    /** The organisation's API keys, revoked ones too, newest first; never a secret. */
    public List<ApiKey> apiKeys(UUID organizationId) {
        get(organizationId);
        return apiKeys.list(organizationId);
    }

    /** A page of the organisation's personas, by name. */
    public Page<Persona> personas(UUID organizationId, int page, int perPage) {
        get(organizationId);
        return new Page<>(
                personas.page(organizationId, (long) (page - 1) * perPage, perPage),
                personas.count(organizationId),
                page,
                perPage);
    }

    /** The organisation's persona with this id; another organisation's is as absent as an unknown one. */
    public Optional<Persona> persona(UUID organizationId, UUID personaId) {
        return personas.findById(personaId)
                .filter(persona -> persona.organizationId().equals(organizationId));
    }

    /** Registers the persona (with nothing but its name), or renames it and removes the rest. */
    public Persona putPersona(UUID organizationId, UUID personaId, String name) {
        return putPersona(organizationId, personaId, PersonaDetails.named(name));
    }

    /**
     * Registers the persona, or replaces what is said of it (name, launch URL, description, avatar); a persona id
     * registered by another organisation is a conflict.
     */
    public Persona putPersona(UUID organizationId, UUID personaId, PersonaDetails details) {
        Persona persona = new Persona(
                personaId,
                organizationId,
                DisplayNames.check("name", details.name()),
                WebAddresses.check("launchUrl", details.launchUrl()),
                checkDescription(details.description()),
                WebAddresses.check("avatarUrl", details.avatarUrl()));
        get(organizationId);
        return retry.inOwnTransaction(
                () -> putPersonaOnce(persona),
                () -> new ConflictException("Persona " + personaId + " is being registered concurrently; try again"));
    }

    private Persona putPersonaOnce(Persona persona) {
        UUID organizationId = persona.organizationId();
        UUID personaId = persona.id();
        var existing = personas.findById(personaId);
        if (existing.isPresent()) {
            if (!existing.get().organizationId().equals(organizationId)) {
                throw new ConflictException("Persona " + personaId + " belongs to another organization");
            }
            personas.update(persona);
            var changes = AuditTrail.diff(personaView(existing.get()), personaView(persona));
            if (!changes.isEmpty()) {
                String verb = changes.keySet().equals(java.util.Set.of("name")) ? "persona.renamed" : "persona.updated";
                audit.record(organizationId, TargetType.PERSONA, personaId, verb, changes);
            }
            return persona;
        }
        personas.insert(persona, clock.now());
        audit.record(
                organizationId,
                TargetType.PERSONA,
                personaId,
                "persona.created",
                AuditTrail.diff(Map.of(), personaView(persona)));
        return persona;
    }

    private static String checkDescription(String description) {
        if (description != null && (description.isBlank() || description.length() > 500)) {
            throw new InvalidInputException("description", "description must be 1 to 500 characters");
        }
        return DisplayNames.check("description", description);
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

    /**
     * Stores the organisation's Anam API key (sealed with the key-encryption key) and the Anam API it belongs to;
     * the trail records that it changed, never the key.
     */
    @Transactional
    public AnamCredentialStatus putAnamCredential(UUID organizationId, String apiKey, String baseUrl) {
        get(organizationId);
        if (apiKey == null
                || apiKey.isBlank()
                || apiKey.length() > 1000
                || apiKey.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("apiKey", "apiKey must be the organisation's Anam API key");
        }
        String base = WebAddresses.check("baseUrl", baseUrl == null ? AnamCredential.DEFAULT_BASE_URL : baseUrl);
        Instant now = clock.now();
        boolean existed = anamCredentials.find(organizationId).isPresent();
        anamCredentials.put(organizationId, secretBox.seal(apiKey.strip()), base, now);
        audit.record(
                organizationId,
                TargetType.ORGANIZATION,
                organizationId,
                existed ? "organization.anam_credential_replaced" : "organization.anam_credential_set",
                AuditTrail.diff(Map.of(), Map.of("anamBaseUrl", base)));
        return new AnamCredentialStatus(true, base, now);
    }

    public AnamCredentialStatus anamCredentialStatus(UUID organizationId) {
        get(organizationId);
        return anamCredentials
                .find(organizationId)
                .map(stored -> new AnamCredentialStatus(true, stored.baseUrl(), stored.updatedAt()))
                .orElse(new AnamCredentialStatus(false, null, null));
    }

    @Transactional
    public void deleteAnamCredential(UUID organizationId) {
        get(organizationId);
        if (!anamCredentials.delete(organizationId)) {
            throw new NotFoundException("The organization has no Anam credential");
        }
        audit.record(
                organizationId,
                TargetType.ORGANIZATION,
                organizationId,
                "organization.anam_credential_removed",
                Map.of());
    }

    /**
     * Stores the organisation's uploaded logo (PNG, SVG or WebP by its bytes, at most 256 KB); it wins over a logo
     * URL.
     */
    @Transactional
    public Organization putLogo(UUID organizationId, byte[] image) {
        get(organizationId);
        String type = Logo.typeOf(image);
        logos.put(organizationId, new Logo(type, image, SecretTokens.sha256Hex(image)), clock.now());
        audit.record(
                organizationId,
                TargetType.ORGANIZATION,
                organizationId,
                "organization.logo_uploaded",
                AuditTrail.diff(Map.of(), Map.of("logoType", type, "logoBytes", image.length)));
        return get(organizationId);
    }

    @Transactional
    public void deleteLogo(UUID organizationId) {
        get(organizationId);
        if (!logos.delete(organizationId)) {
            throw new NotFoundException("The organization has no uploaded logo");
        }
        audit.record(organizationId, TargetType.ORGANIZATION, organizationId, "organization.logo_removed", Map.of());
    }

    public Optional<Logo> logo(UUID organizationId) {
        return logos.find(organizationId);
    }

    /** How a counted use of the persona's links is handed on (one statement); empty when the organisation is gone. */
    public Optional<HandOffSettings> handOffSettings(UUID organizationId, UUID personaId) {
        return organizations
                .handOff(organizationId, personaId)
                .map(row -> new HandOffSettings(
                        row.audience(),
                        row.launchUrl(),
                        row.sealedAnamKey() == null
                                ? Optional.empty()
                                : Optional.of(new AnamCredential(
                                        secretBox.open(row.sealedAnamKey()), row.anamBaseUrl(), row.anamUpdatedAt()))));
    }

    /** Where a counted use of the persona's links leads: its launch URL, else the organisation's, else null. */
    public String launchUrl(UUID organizationId, UUID personaId) {
        return organizations
                .handOff(organizationId, personaId)
                .map(OrganizationRepository.HandOffRow::launchUrl)
                .orElse(null);
    }

    /** The Anam API the organisation's hand-off talks to, when it has one (the page's CSP names it). */
    public Optional<String> anamBaseUrl(UUID organizationId) {
        return anamCredentials.find(organizationId).map(AnamCredentialRepository.Stored::baseUrl);
    }

    /** The organisation's Anam credential, opened for the one request that needs it. */
    public Optional<AnamCredential> anamCredential(UUID organizationId) {
        return anamCredentials
                .find(organizationId)
                .map(stored -> new AnamCredential(
                        secretBox.open(stored.sealedApiKey()), stored.baseUrl(), stored.updatedAt()));
    }

    private static String checkAudience(String audience) {
        if (audience != null
                && (audience.isBlank()
                        || audience.length() > 200
                        || audience.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("grantAudience", "grantAudience must be 1 to 200 printable characters");
        }
        return DisplayNames.check("grantAudience", audience);
    }

    private static Map<String, Object> personaView(Persona persona) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", persona.name());
        view.put("launchUrl", persona.launchUrl());
        view.put("description", persona.description());
        view.put("avatarUrl", persona.avatarUrl());
        return view;
    }

    private static Map<String, Object> auditView(Organization org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", org.name());
        view.put("removeWatermark", org.plan().removeWatermark());
        view.put("whitelabelReports", org.plan().whitelabelReports());
        view.put("customDomain", org.customDomain());
        view.put("launchUrl", org.launchUrl());
        view.put("grantAudience", org.grantAudience());
        view.put("brandDisplayName", org.branding().displayName());
        view.put("brandAccentColor", org.branding().accentColor());
        view.put("brandLogoUrl", org.branding().logoUrl());
        return view;
    }

    private static String normalizeDomain(String domain) {
        return domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
    }

    private static NotFoundException organizationNotFound() {
        return new NotFoundException("Organization not found");
    }
}
