package dev.sharelinks.domain;

import dev.sharelinks.domain.AuditEvent.TargetType;
import dev.sharelinks.persistence.OrganizationRepository;
import dev.sharelinks.persistence.PersonaRepository;
import dev.sharelinks.persistence.ShareLinkRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Issuing and managing Anam share links for one organisation at a time. */
@Service
public class ShareLinkService {

    public static final BigDecimal DEFAULT_EXPIRES_IN_HOURS = BigDecimal.valueOf(168);
    public static final BigDecimal MAX_EXPIRES_IN_HOURS = BigDecimal.valueOf(87_600);
    public static final int DEFAULT_USAGE_LIMIT = 10;
    public static final int MAX_USAGE_LIMIT = 1_000_000_000;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    private static final int MAX_ORIGINS = 50;

    private final ShareLinkRepository links;
    private final PersonaRepository personas;
    private final OrganizationRepository organizations;
    private final TransactionTemplate transaction;
    private final ShareLinkMetrics metrics;
    private final AuditTrail audit;
    private final SecretTokens secrets;
    private final Clock clock;

    public ShareLinkService(
            ShareLinkRepository links,
            PersonaRepository personas,
            OrganizationRepository organizations,
            TransactionTemplate transaction,
            ShareLinkMetrics metrics,
            AuditTrail audit,
            SecretTokens secrets,
            Clock clock) {
        this.audit = audit;
        this.secrets = secrets;
        this.links = links;
        this.personas = personas;
        this.organizations = organizations;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Null hours or limit take the vendor's defaults (168 hours, 10 uses). */
    @Transactional
    public ShareLink create(UUID organizationId, UUID personaId, BigDecimal expiresInHours, BigDecimal usageLimit) {
        if (personaId == null) {
            throw new InvalidInputException("personaId", "personaId is required");
        }
        Duration lifetime = lifetime(expiresInHours == null ? DEFAULT_EXPIRES_IN_HOURS : expiresInHours);
        int limit = usageLimit == null ? DEFAULT_USAGE_LIMIT : usageLimit(usageLimit);
        Persona persona = personas.findById(personaId)
                .filter(p -> p.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("Persona not found"));
        Instant now = now();
        ShareLink link = new ShareLink(
                UUID.randomUUID(),
                organizationId,
                personaId,
                persona.name(),
                secrets.newShareToken(),
                LinkType.LINK,
                now.plus(lifetime),
                limit,
                0,
                List.of(),
                false,
                false,
                true,
                false,
                now,
                null);
        try {
            links.insert(link);
        } catch (DataIntegrityViolationException personaDeletedMeanwhile) {
            throw new NotFoundException("Persona not found");
        }
        record(link.id(), organizationId, "created", null, link);
        metrics.linkCreated();
        return link;
    }

    /**
     * Omitted (null) fields stay unchanged. A new {@code expiresInHours} counts from now: the link is renewed.
     */
    @Transactional
    public ShareLink update(UUID organizationId, UUID id, BigDecimal expiresInHours, BigDecimal usageLimit) {
        Instant now = now();
        Instant expiresAt = expiresInHours == null ? null : now.plus(lifetime(expiresInHours));
        Integer limit = usageLimit == null ? null : usageLimit(usageLimit);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (expiresInHours != null) {
            changes.put("expires_at", expiresAt);
        }
        if (usageLimit != null) {
            changes.put("usage_limit", limit);
        }
        ShareLink before = get(organizationId, id);
        if (!links.update(organizationId, id, changes, now)) {
            throw linkNotFound();
        }
        return record(id, organizationId, "updated", before, get(organizationId, id));
    }

    public ShareLink get(UUID organizationId, UUID id) {
        return links.findById(organizationId, id).orElseThrow(ShareLinkService::linkNotFound);
    }

    public Page<ShareLink> list(UUID organizationId, int page, int perPage, String search, UUID personaId) {
        String term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("search", "search must not contain NUL characters");
        }
        long total = links.count(organizationId, term, personaId);
        long offset = (long) (page - 1) * perPage;
        List<ShareLink> items =
                offset >= total ? List.of() : links.list(organizationId, term, personaId, (int) offset, perPage);
        return new Page<>(items, total, page, perPage);
    }

    /**
     * Changes what the vendor API cannot. Making a link primary demotes the persona's previous primary link in
     * the same transaction; the database's unique constraint settles a race between two promotions (the loser
     * retries once, on top of the winner).
     */
    public ShareLink changeSettings(UUID organizationId, UUID id, LinkSettings settings) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (settings.enabled() != null) {
            changes.put("enabled", settings.enabled());
        }
        if (settings.type() != null) {
            changes.put("link_type", settings.type());
        }
        if (settings.allowedOrigins() != null) {
            if (settings.allowedOrigins().size() > MAX_ORIGINS) {
                throw new InvalidInputException(
                        "allowedOrigins", "allowedOrigins may list at most " + MAX_ORIGINS + " origins");
            }
            changes.put(
                    "allowed_origins",
                    settings.allowedOrigins().stream()
                            .map(Origins::normalize)
                            .distinct()
                            .toList());
        }
        if (settings.allowAllOrigins() != null) {
            changes.put("allow_all_origins", settings.allowAllOrigins());
        }
        if (Boolean.TRUE.equals(settings.removeWatermark())) {
            boolean allowed = organizations
                    .findById(organizationId)
                    .map(o -> o.plan().removeWatermark())
                    .orElse(false);
            if (!allowed) {
                throw new ForbiddenException("Your organization's plan does not allow removing the watermark");
            }
        }
        if (settings.removeWatermark() != null) {
            changes.put("remove_watermark", settings.removeWatermark());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> applySettings(organizationId, id, settings.primary(), changes));
            } catch (DuplicateKeyException anotherPromotionWon) {
                if (attempt == 2) {
                    throw new ConflictException(
                            "Another link of this persona was made primary at the same time; try again");
                }
            }
        }
    }

    private ShareLink applySettings(UUID organizationId, UUID id, Boolean primary, Map<String, Object> changes) {
        Instant now = now();
        ShareLink link = get(organizationId, id);
        Map<String, Object> all = new LinkedHashMap<>(changes);
        if (Boolean.TRUE.equals(primary)) {
            var demoted = links.primaryOf(link.personaId())
                    .filter(other -> !other.equals(id))
                    .flatMap(other -> links.findById(organizationId, other));
            links.demotePrimary(link.personaId(), id, now);
            demoted.ifPresent(other -> record(
                    other.id(),
                    organizationId,
                    "settings_changed",
                    other,
                    links.findById(organizationId, other.id()).orElse(null)));
            all.put("primary_persona_id", link.personaId());
        } else if (Boolean.FALSE.equals(primary)) {
            all.put("primary_persona_id", null);
        }
        if (!links.update(organizationId, id, all, now)) {
            throw linkNotFound();
        }
        return record(id, organizationId, "settings_changed", link, get(organizationId, id));
    }

    /** A new token; the old one stops opening the link with this statement's commit. */
    @Transactional
    public ShareLink rotateToken(UUID organizationId, UUID id) {
        if (!links.update(organizationId, id, Map.of("token", secrets.newShareToken()), now())) {
            throw linkNotFound();
        }
        // the trail says that the token changed, never what it is
        audit.record(organizationId, TargetType.SHARE_LINK, id, "share_link.token_rotated", Map.of());
        return get(organizationId, id);
    }

    @Transactional
    public void delete(UUID organizationId, UUID id) {
        ShareLink before = get(organizationId, id);
        if (!links.delete(organizationId, id)) {
            throw linkNotFound();
        }
        record(id, organizationId, "deleted", before, null);
    }

    /**
     * Records the change from {@code before} to {@code after} (null: did not exist / no longer exists); an
     * update that changed nothing is no change.
     */
    private ShareLink record(UUID id, UUID organizationId, String verb, ShareLink before, ShareLink after) {
        var changes = AuditTrail.diff(auditView(before), auditView(after));
        if (!changes.isEmpty() || before == null || after == null) {
            audit.record(organizationId, TargetType.SHARE_LINK, id, "share_link." + verb, changes);
        }
        return after;
    }

    /** What the trail compares: the settings a caller can change, no token, no counters. */
    static Map<String, Object> auditView(ShareLink link) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (link != null) {
            view.put("personaId", link.personaId());
            view.put("type", link.type());
            view.put("expiresAt", link.expiresAt());
            view.put("usageLimit", link.usageLimit());
            view.put("enabled", link.enabled());
            view.put("allowedOrigins", link.allowedOrigins());
            view.put("allowAllOrigins", link.allowAllOrigins());
            view.put("removeWatermark", link.removeWatermark());
            view.put("primary", link.primary());
        }
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException linkNotFound() {
        return new NotFoundException("Share link not found");
    }

    static Duration lifetime(BigDecimal hours) {
        if (hours.signum() <= 0 || hours.compareTo(MAX_EXPIRES_IN_HOURS) > 0) {
            throw new InvalidInputException(
                    "expiresInHours",
                    "expiresInHours must be greater than 0 and at most " + MAX_EXPIRES_IN_HOURS.toPlainString());
        }
        long millis = hours.multiply(MILLIS_PER_HOUR).longValue();
        return Duration.ofMillis(Math.max(1, millis));
    }

    static int usageLimit(BigDecimal limit) {
        BigDecimal whole = limit.stripTrailingZeros();
        if (whole.scale() > 0 || whole.signum() <= 0 || whole.compareTo(BigDecimal.valueOf(MAX_USAGE_LIMIT)) > 0) {
            throw new InvalidInputException(
                    "usageLimit", "usageLimit must be a whole number from 1 to " + MAX_USAGE_LIMIT);
        }
        return whole.intValueExact();
    }
}
