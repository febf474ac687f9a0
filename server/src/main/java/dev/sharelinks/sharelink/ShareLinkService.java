package dev.sharelinks.sharelink;

import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.PersonaDeleting;
import dev.sharelinks.platform.ConflictException;
import dev.sharelinks.platform.DuplicateKeyRetry;
import dev.sharelinks.platform.ForbiddenException;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.sharelink.ShareLinkEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Issuing and managing share links for one organisation at a time. */
@Service
public class ShareLinkService {

    public static final Duration MAX_LIFETIME = Duration.ofHours(87_600);
    public static final int MAX_USAGE_LIMIT = 1_000_000_000;
    public static final int MAX_ORIGINS = 50;
    private static final int PURGE_BATCH = 200;

    private final ShareLinkRepository links;
    private final OrganizationService organizations;
    private final ShareLinkAudit audit;
    private final ShareLinkMetrics metrics;
    private final SecretTokens secrets;
    private final DuplicateKeyRetry retry;
    private final TransactionTemplate transaction;
    private final MillisecondClock clock;
    private final ApplicationEventPublisher events;

    ShareLinkService(
            ShareLinkRepository links,
            OrganizationService organizations,
            ShareLinkAudit audit,
            ShareLinkMetrics metrics,
            SecretTokens secrets,
            DuplicateKeyRetry retry,
            TransactionTemplate transaction,
            MillisecondClock clock,
            ApplicationEventPublisher events) {
        this.links = links;
        this.organizations = organizations;
        this.audit = audit;
        this.metrics = metrics;
        this.secrets = secrets;
        this.retry = retry;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A new link of the organisation's persona: a direct link, enabled, not primary, no origins, watermark on.
     *
     * @param lifetime   from now; null: never expires
     * @param usageLimit null: unlimited
     */
    @Transactional
    public ShareLink create(UUID organizationId, UUID personaId, Duration lifetime, Integer usageLimit) {
        checkLifetime(lifetime);
        checkUsageLimit(usageLimit);
        Instant now = clock.now();
        ShareLink unnamed = new ShareLink(
                UUID.randomUUID(),
                organizationId,
                personaId,
                null,
                secrets.newShareToken(),
                LinkType.LINK,
                lifetime == null ? null : now.plus(lifetime),
                usageLimit,
                0,
                List.of(),
                false,
                false,
                true,
                false,
                now,
                null);
        ShareLink link;
        try {
            // the persona's check and name come with the insert (one statement)
            link = links.insertForPersona(unnamed).map(unnamed::named).orElseThrow(ShareLinkService::personaNotFound);
        } catch (DataIntegrityViolationException personaDeletedMeanwhile) {
            throw personaNotFound();
        }
        audit.record("created", null, link);
        events.publishEvent(ShareLinkEvent.of(Type.CREATED, link, now));
        metrics.linkCreated();
        return link;
    }

    /**
     * Renews and/or re-limits a link; null fields stay unchanged. A new lifetime counts from now.
     */
    @Transactional
    public ShareLink update(UUID organizationId, UUID id, Duration lifetime, Integer usageLimit) {
        checkLifetime(lifetime);
        checkUsageLimit(usageLimit);
        Instant now = clock.now();
        ShareLink before = get(organizationId, id);
        var change = ShareLinkChange.lifetime(lifetime == null ? null : now.plus(lifetime), usageLimit);
        if (!links.apply(organizationId, id, change, now)) {
            throw linkNotFound();
        }
        return changed(before, audit.record("updated", before, get(organizationId, id)), now);
    }

    /** Announces an update that changed something a caller can see. */
    private ShareLink changed(ShareLink before, ShareLink after, Instant now) {
        if (!after.equals(before)) {
            events.publishEvent(ShareLinkEvent.of(Type.UPDATED, after, now));
        }
        return after;
    }

    public ShareLink get(UUID organizationId, UUID id) {
        return links.findById(organizationId, id).orElseThrow(ShareLinkService::linkNotFound);
    }

    /** @param search matches persona name or token, case-insensitively; blank: everything */
    public Page<ShareLink> list(UUID organizationId, int page, int perPage, String search, UUID personaId) {
        String term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("search", "search must not contain NUL characters");
        }
        return links.page(organizationId, term, personaId, page, perPage);
    }

    /**
     * Changes what the vendor API cannot. Making a link primary demotes the persona's previous primary link in
     * the same transaction; the database's unique constraint settles a race between two promotions (the loser
     * tries once more, on top of the winner).
     */
    public ShareLink changeSettings(UUID organizationId, UUID id, LinkSettings settings) {
        List<String> origins = null;
        if (settings.allowedOrigins() != null) {
            if (settings.allowedOrigins().size() > MAX_ORIGINS) {
                throw new InvalidInputException(
                        "allowedOrigins", "allowedOrigins may list at most " + MAX_ORIGINS + " origins");
            }
            origins = settings.allowedOrigins().stream()
                    .map(Origins::normalize)
                    .distinct()
                    .toList();
        }
        if (Boolean.TRUE.equals(settings.removeWatermark()) && !planAllowsRemovingTheWatermark(organizationId)) {
            throw new ForbiddenException("Your organization's plan does not allow removing the watermark");
        }
        ShareLinkChange change = ShareLinkChange.settings(settings, origins);
        return retry.inOwnTransaction(
                () -> applySettings(organizationId, id, change),
                () -> new ConflictException(
                        "Another link of this persona was made primary at the same time; try again"));
    }

    private ShareLink applySettings(UUID organizationId, UUID id, ShareLinkChange change) {
        Instant now = clock.now();
        ShareLink link = get(organizationId, id);
        if (Boolean.TRUE.equals(change.primary())) {
            var demoted = links.primaryOf(link.personaId())
                    .filter(other -> !other.equals(id))
                    .flatMap(other -> links.findById(organizationId, other));
            links.demotePrimary(link.personaId(), id, now);
            demoted.ifPresent(other -> links.findById(organizationId, other.id())
                    .ifPresent(after -> changed(other, audit.record("settings_changed", other, after), now)));
        }
        if (!links.apply(organizationId, id, change, now)) {
            throw linkNotFound();
        }
        return changed(link, audit.record("settings_changed", link, get(organizationId, id)), now);
    }

    /** A new token; the old one stops opening the link with this statement's commit. */
    @Transactional
    public ShareLink rotateToken(UUID organizationId, UUID id) {
        Instant now = clock.now();
        if (!links.apply(organizationId, id, ShareLinkChange.token(secrets.newShareToken()), now)) {
            throw linkNotFound();
        }
        ShareLink rotated = get(organizationId, id);
        audit.recordWithoutFields(rotated, "token_rotated");
        events.publishEvent(ShareLinkEvent.of(Type.TOKEN_ROTATED, rotated, now));
        return rotated;
    }

    @Transactional
    public void delete(UUID organizationId, UUID id) {
        ShareLink before = get(organizationId, id);
        if (!links.delete(organizationId, id)) {
            throw linkNotFound();
        }
        audit.record("deleted", before, null);
        events.publishEvent(ShareLinkEvent.of(Type.DELETED, before, clock.now()));
    }

    /** A persona's links go with it, each recorded, in the transaction that deletes the persona. */
    @EventListener
    void personaDeleting(PersonaDeleting event) {
        int all = Integer.MAX_VALUE;
        for (ShareLink link : links.list(event.organizationId(), null, event.personaId(), 0, all)) {
            links.delete(event.organizationId(), link.id());
            audit.record("deleted", link, null);
            events.publishEvent(ShareLinkEvent.of(Type.DELETED, link, clock.now()));
        }
    }

    /**
     * Deletes links that ended (expired, or used up by their last use) before {@code cutoff}, in batches of their
     * own transactions, each recorded as purged by the service.
     *
     * @return how many were purged
     */
    public int purgeEndedBefore(Instant cutoff) {
        int purged = 0;
        while (true) {
            // one transaction per batch: a long purge never holds locks on many links at once
            Integer batch = transaction.execute(status -> purgeBatch(cutoff));
            purged += batch;
            if (batch == 0) {
                return purged;
            }
        }
    }

    private int purgeBatch(Instant cutoff) {
        int purged = 0;
        for (ShareLink link : links.findEnded(cutoff, PURGE_BATCH)) {
            // the delete checks the condition again: a link renewed since the read is kept
            if (links.deleteEnded(link.id(), cutoff)) {
                audit.record("purged", link, null);
                purged++;
            }
        }
        return purged;
    }

    /**
     * Announces links whose expiry passed since {@code since} ({@link Type#EXPIRED}), each once per expiry: the
     * conditional update decides which instance announces it, in the transaction that publishes the event.
     *
     * @return how many this call announced
     */
    public int announceExpired(Instant since) {
        int announced = 0;
        while (true) {
            Instant now = clock.now();
            Integer batch = transaction.execute(status -> {
                int marked = 0;
                for (ShareLink link : links.findExpiredUnannounced(since, now, PURGE_BATCH)) {
                    if (links.markExpiryAnnounced(link.id(), link.expiresAt())) {
                        events.publishEvent(ShareLinkEvent.of(Type.EXPIRED, link, link.expiresAt()));
                        marked++;
                    }
                }
                return marked;
            });
            announced += batch;
            if (batch < PURGE_BATCH) {
                return announced;
            }
        }
    }

    private boolean planAllowsRemovingTheWatermark(UUID organizationId) {
        return organizations
                .find(organizationId)
                .map(o -> o.plan().removeWatermark())
                .orElse(false);
    }

    private static void checkLifetime(Duration lifetime) {
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0)) {
            throw new IllegalArgumentException("A lifetime must be positive and at most " + MAX_LIFETIME);
        }
    }

    private static void checkUsageLimit(Integer usageLimit) {
        if (usageLimit != null && (usageLimit < 1 || usageLimit > MAX_USAGE_LIMIT)) {
            throw new IllegalArgumentException("A usage limit must be from 1 to " + MAX_USAGE_LIMIT);
        }
    }

    private static NotFoundException linkNotFound() {
        return new NotFoundException("Share link not found");
    }

    private static NotFoundException personaNotFound() {
        return new NotFoundException("Persona not found");
    }
}
