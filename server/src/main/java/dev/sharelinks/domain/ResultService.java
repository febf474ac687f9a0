package dev.sharelinks.domain;

import dev.sharelinks.domain.AuditEvent.TargetType;
import dev.sharelinks.persistence.OrganizationRepository;
import dev.sharelinks.persistence.ResultRepository;
import dev.sharelinks.persistence.ResultShareTokenRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Cekura test results: stored by the operator, read by their organisation, shared by time-limited tokens. */
@Service
public class ResultService {

    /** What the vendor's own tooling sets when it creates a link. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    static final String NOT_FOUND = "Not found.";
    static final String WRONG_FORMAT = "Datetime has wrong format. Use one of these formats instead: "
            + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

    private final ResultRepository results;
    private final ResultShareTokenRepository tokens;
    private final OrganizationRepository organizations;
    private final ShareLinkMetrics metrics;
    private final AuditTrail audit;
    private final SecretTokens secrets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ResultService(
            ResultRepository results,
            ResultShareTokenRepository tokens,
            OrganizationRepository organizations,
            ShareLinkMetrics metrics,
            AuditTrail audit,
            SecretTokens secrets,
            TransactionTemplate transaction,
            Clock clock) {
        this.audit = audit;
        this.secrets = secrets;
        this.transaction = transaction;
        this.results = results;
        this.tokens = tokens;
        this.organizations = organizations;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Stores or replaces the document; a result id another organisation stored is a conflict. The trail records
     * the document's size, not its content.
     */
    public StoredResult put(UUID organizationId, long id, String documentJson) {
        organizations.findById(organizationId).orElseThrow(() -> new NotFoundException("Organization not found"));
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                // one transaction per attempt: on PostgreSQL a failed insert spoils the transaction it ran in
                return transaction.execute(status -> storeOnce(organizationId, id, documentJson));
            } catch (DuplicateKeyException storedConcurrently) {
                // another request stored the same id between our read and insert: look again
            }
        }
        throw new ConflictException("Result " + id + " is being stored concurrently; try again");
    }

    private StoredResult storeOnce(UUID organizationId, long id, String documentJson) {
        Instant now = now();
        var existing = results.findById(id);
        if (existing.isPresent()) {
            if (!existing.get().organizationId().equals(organizationId)) {
                throw new ConflictException("Result " + id + " belongs to another organization");
            }
            results.replaceDocument(organizationId, id, documentJson, now);
            audit.record(
                    organizationId,
                    TargetType.RESULT,
                    id,
                    "result.replaced",
                    AuditTrail.diff(
                            Map.of("documentBytes", bytes(existing.get().document())),
                            Map.of("documentBytes", bytes(documentJson))));
            return new StoredResult(
                    id, organizationId, documentJson, existing.get().createdAt(), now);
        }
        StoredResult stored = new StoredResult(id, organizationId, documentJson, now, now);
        results.insert(stored);
        audit.record(
                organizationId,
                TargetType.RESULT,
                id,
                "result.stored",
                AuditTrail.diff(Map.of(), Map.of("documentBytes", bytes(documentJson))));
        return stored;
    }

    /** Deletes the result and, with it, every token made for it. */
    @Transactional
    public void delete(UUID organizationId, long id) {
        if (!results.delete(organizationId, id)) {
            throw new NotFoundException("Result not found");
        }
        audit.record(organizationId, TargetType.RESULT, id, "result.deleted", Map.of());
    }

    private static int bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8).length;
    }

    public String read(UUID organizationId, long id) {
        return results.findById(id)
                .filter(r -> r.organizationId().equals(organizationId))
                .map(StoredResult::document)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /**
     * Reads a result with a shareable-link token: only the result the token was made for, only until it expires.
     */
    public String readShared(long id, String token) {
        var grant = tokens.findByHash(SecretTokens.sha256(token)).orElse(null);
        if (grant == null) {
            metrics.authFailure("result_token");
            throw new InvalidCredentialsException("Invalid shareable link token.");
        }
        if (grant.resultId() != id) {
            throw new NotFoundException(NOT_FOUND);
        }
        if (!now().isBefore(grant.expireAt())) {
            throw new LinkUnavailableException(
                    LinkUnavailableException.Reason.EXPIRED, "This shareable link has expired.");
        }
        String document =
                results.findById(id).map(StoredResult::document).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        metrics.cekuraTokenRead();
        return document;
    }

    /**
     * Makes a shareable-link token for one of the organisation's results.
     *
     * @param expireAt ISO-8601 date-time text as the caller sent it; null takes the default lifetime
     */
    @Transactional
    public ResultShareLink createShareLink(UUID organizationId, long id, String expireAt) {
        results.findById(id)
                .filter(r -> r.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Organization org = organizations.findById(organizationId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!org.plan().whitelabelReports()) {
            throw new ForbiddenException(
                    "Shareable links require an active subscription with whitelabel reports enabled.");
        }
        Instant now = now();
        Instant expiry = expiry(expireAt, now);
        String token = secrets.newResultToken();
        tokens.insert(UUID.randomUUID(), id, SecretTokens.sha256(token), expiry, now);
        audit.record(
                organizationId,
                TargetType.RESULT,
                id,
                "result.share_token_created",
                AuditTrail.diff(Map.of(), Map.of("shareTokenExpireAt", expiry)));
        metrics.cekuraTokenCreated();
        return new ResultShareLink(id, token, expiry, org.customDomain());
    }

    static Instant expiry(String text, Instant now) {
        // null: not given (an empty form field arrives as null too); "" in JSON is a datetime in the wrong format, as
        // DRF says
        if (text == null) {
            return now.plus(DEFAULT_LIFETIME);
        }
        Instant expiry;
        try {
            expiry = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                expiry = LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("expire_at", WRONG_FORMAT);
            }
        }
        if (!expiry.isAfter(now)) {
            throw new InvalidInputException("expire_at", "Expiration must be in the future.");
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidInputException("expire_at", "Expiration must be at most 365 days from now.");
        }
        return expiry;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
