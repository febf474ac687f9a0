package dev.sharelinks.result;

import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.audit.AuditTrail;
import dev.sharelinks.organization.Organization;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.platform.ConflictException;
import dev.sharelinks.platform.DuplicateKeyRetry;
import dev.sharelinks.platform.ForbiddenException;
import dev.sharelinks.platform.InvalidCredentialsException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.security.SecurityMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Test results: stored by the operator, read by their organisation, shared by time-limited tokens. */
@Service
public class ResultService {

    /** What the vendor's own tooling sets when it creates a link. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final ResultRepository results;
    private final ResultShareTokenRepository tokens;
    private final OrganizationService organizations;
    private final ResultMetrics metrics;
    private final SecurityMetrics securityMetrics;
    private final AuditTrail audit;
    private final SecretTokens secrets;
    private final DuplicateKeyRetry retry;
    private final MillisecondClock clock;
    private final ApplicationEventPublisher events;

    ResultService(
            ResultRepository results,
            ResultShareTokenRepository tokens,
            OrganizationService organizations,
            ResultMetrics metrics,
            SecurityMetrics securityMetrics,
            AuditTrail audit,
            SecretTokens secrets,
            DuplicateKeyRetry retry,
            MillisecondClock clock,
            ApplicationEventPublisher events) {
        this.results = results;
        this.tokens = tokens;
        this.organizations = organizations;
        this.metrics = metrics;
        this.securityMetrics = securityMetrics;
        this.audit = audit;
        this.secrets = secrets;
        this.retry = retry;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Stores or replaces the document; a result id another organisation stored is a conflict. The trail records
     * the document's size, not its content.
     */
    public StoredResult put(UUID organizationId, long id, String documentJson) {
        organizations.get(organizationId);
        return retry.inOwnTransaction(
                () -> storeOnce(organizationId, id, documentJson),
                () -> new ConflictException("Result " + id + " is being stored concurrently; try again"));
    }

    private StoredResult storeOnce(UUID organizationId, long id, String documentJson) {
        Instant now = clock.now();
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

    /** A page of the organisation's results, newest (highest id) first, without their documents. */
    public Page<StoredResult> list(UUID organizationId, int page, int perPage) {
        organizations.get(organizationId);
        return new Page<>(
                results.page(organizationId, (long) (page - 1) * perPage, perPage),
                results.count(organizationId),
                page,
                perPage);
    }

    /** Deletes the result and, with it, every token made for it. */
    @Transactional
    public void delete(UUID organizationId, long id) {
        if (!results.delete(organizationId, id)) {
            throw resultNotFound();
        }
        audit.record(organizationId, TargetType.RESULT, id, "result.deleted", Map.of());
    }

    private static int bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The organisation's result document; another organisation's is as absent as an unknown one. */
    public String read(UUID organizationId, long id) {
        return results.findById(id)
                .filter(r -> r.organizationId().equals(organizationId))
                .map(StoredResult::document)
                .orElseThrow(ResultService::resultNotFound);
    }

    /**
     * Reads a result with a shareable-link token: only the result the token was made for, only until it expires.
     */
    public String readShared(long id, String token) {
        return readSharedResult(id, token).document();
    }

    /** A result read with its shareable-link token, with what its page says of it. */
    public record SharedResult(String document, UUID organizationId, Instant expireAt) {}

    /** Like {@link #readShared}, with the result's organisation and the token's expiry. */
    public SharedResult readSharedResult(long id, String token) {
        var grant = tokens.findByHash(SecretTokens.sha256(token)).orElse(null);
        if (grant == null) {
            securityMetrics.authFailure("result_token");
            throw new InvalidCredentialsException("Unknown shareable link token");
        }
        if (grant.resultId() != id) {
            throw resultNotFound();
        }
        Instant now = clock.now();
        if (!now.isBefore(grant.expireAt())) {
            throw new ResultLinkExpiredException();
        }
        StoredResult result = results.findById(id).orElseThrow(ResultService::resultNotFound);
        metrics.tokenRead();
        events.publishEvent(
                new ResultLinkEvent(ResultLinkEvent.Type.OPENED, result.organizationId(), id, grant.expireAt(), now));
        return new SharedResult(result.document(), result.organizationId(), grant.expireAt());
    }

    /**
     * Makes a shareable-link token for one of the organisation's results; the plan must allow whitelabel reports.
     *
     * @param expireAt when the link stops opening: in the future, at most {@link #MAX_LIFETIME} ahead; null takes
     *                 the default lifetime. Read only once the result and the plan allow a link: an unknown result
     *                 is a 404 whatever the body says, as at the vendor.
     */
    @Transactional
    public ResultShareLink createShareLink(UUID organizationId, long id, Supplier<Instant> expireAt) {
        results.findById(id)
                .filter(r -> r.organizationId().equals(organizationId))
                .orElseThrow(ResultService::resultNotFound);
        Organization org = organizations.find(organizationId).orElseThrow(ResultService::resultNotFound);
        if (!org.plan().whitelabelReports()) {
            throw new ForbiddenException("The organization's plan does not include whitelabel reports");
        }
        Instant now = clock.now();
        Instant expiry = expiry(expireAt.get(), now);
        String token = secrets.newResultToken();
        tokens.insert(UUID.randomUUID(), id, SecretTokens.sha256(token), expiry, now);
        audit.record(
                organizationId,
                TargetType.RESULT,
                id,
                "result.share_token_created",
                AuditTrail.diff(Map.of(), Map.of("shareTokenExpireAt", expiry)));
        metrics.tokenIssued();
        events.publishEvent(new ResultLinkEvent(ResultLinkEvent.Type.CREATED, organizationId, id, expiry, now));
        return new ResultShareLink(id, token, expiry, org.customDomain());
    }

    /** Deletes the tokens that expired before {@code cutoff}: they open nothing any more. */
    @Transactional
    public int purgeTokensExpiredBefore(Instant cutoff) {
        return tokens.deleteExpired(cutoff);
    }

    static Instant expiry(Instant requested, Instant now) {
        if (requested == null) {
            return now.plus(DEFAULT_LIFETIME);
        }
        if (!requested.isAfter(now)) {
            throw new ResultLinkExpiryException(ResultLinkExpiryException.Reason.NOT_IN_THE_FUTURE);
        }
        if (requested.isAfter(now.plus(MAX_LIFETIME))) {
            throw new ResultLinkExpiryException(ResultLinkExpiryException.Reason.TOO_FAR_AHEAD);
        }
        return requested;
    }

    private static NotFoundException resultNotFound() {
        return new NotFoundException("Result not found");
    }
}
