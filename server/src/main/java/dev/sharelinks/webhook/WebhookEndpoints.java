package dev.sharelinks.webhook;

import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.audit.AuditTrail;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.platform.WebAddresses;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.crypto.SecretBox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's webhook endpoints: made, changed and deleted by the organisation (its API key), listed and
 * disabled by the operator, disabled by the delivery workers when a receiver answers 410 or the last attempt fails.
 * Every change is in the audit trail (never a secret), and this instance's subscriptions are read again once it
 * commits.
 */
@Service
public class WebhookEndpoints {

    /** How long the previous secret keeps signing after a rotation. */
    public static final Duration SECRET_OVERLAP = Duration.ofHours(24);

    public static final int MAX_ENDPOINTS = 20;
    public static final int MAX_DESCRIPTION = 500;

    /** A new endpoint and its secret, which exists in clear only here. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    /** A new secret (shown once) and when the previous one stops signing. */
    public record RotatedSecret(String secret, Instant previousExpiresAt) {}

    /**
     * What an update changes; null fields stay unchanged, except the description when {@code setDescription}.
     *
     * @param eventTypes wire names
     */
    public record Change(
            String url, boolean setDescription, String description, List<String> eventTypes, Boolean enabled) {}

    private final WebhookEndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Subscriptions subscriptions;
    private final SecretBox secretBox;
    private final AuditTrail audit;
    private final MillisecondClock clock;
    private final boolean allowLoopback;

    WebhookEndpoints(
            WebhookEndpointRepository endpoints,
            DeliveryRepository deliveries,
            Subscriptions subscriptions,
            SecretBox secretBox,
            AuditTrail audit,
            MillisecondClock clock,
            ShareLinksProperties properties) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.secretBox = secretBox;
        this.audit = audit;
        this.clock = clock;
        this.allowLoopback = properties.webhooks().allowLoopback();
    }

    @Transactional
    public Created create(UUID organizationId, String url, String description, List<String> eventTypes) {
        if (endpoints.list(organizationId).size() >= MAX_ENDPOINTS) {
            throw new InvalidInputException(
                    "url", "An organization may have at most " + MAX_ENDPOINTS + " webhook endpoints");
        }
        String secret = SecretTokens.newWebhookSecret();
        var endpoint = new WebhookEndpoint(
                UUID.randomUUID(),
                organizationId,
                checkUrl(url),
                checkDescription(description),
                types(eventTypes),
                true,
                null,
                clock.now());
        endpoints.insert(endpoint, secretBox.seal(secret));
        record(endpoint, "created", null, endpoint);
        return new Created(endpoint, secret);
    }

    public List<WebhookEndpoint> list(UUID organizationId) {
        return endpoints.list(organizationId);
    }

    public WebhookEndpoint get(UUID organizationId, UUID id) {
        return endpoints.find(organizationId, id).orElseThrow(WebhookEndpoints::notFound);
    }

    @Transactional
    public WebhookEndpoint update(UUID organizationId, UUID id, Change change) {
        WebhookEndpoint before = get(organizationId, id);
        String url = change.url() == null ? null : checkUrl(change.url());
        String description = change.setDescription() ? checkDescription(change.description()) : null;
        List<EventType> types = change.eventTypes() == null ? null : types(change.eventTypes());
        Boolean enabled = change.enabled() == null || change.enabled() == before.enabled() ? null : change.enabled();
        Instant now = clock.now();
        if (!endpoints.update(organizationId, id, url, change.setDescription(), description, enabled, now)) {
            throw notFound();
        }
        if (types != null) {
            endpoints.replaceSubscriptions(id, organizationId, types);
        }
        if (Boolean.FALSE.equals(enabled)) {
            deliveries.failPending(id);
        }
        WebhookEndpoint after = get(organizationId, id);
        record(after, "updated", before, after);
        return after;
    }

    @Transactional
    public void delete(UUID organizationId, UUID id) {
        WebhookEndpoint before = get(organizationId, id);
        deliveries.deleteAllOf(id);
        if (!endpoints.delete(organizationId, id)) {
            throw notFound();
        }
        record(before, "deleted", before, null);
    }

    @Transactional
    public RotatedSecret rotateSecret(UUID organizationId, UUID id) {
        WebhookEndpoint endpoint = get(organizationId, id);
        String secret = SecretTokens.newWebhookSecret();
        Instant now = clock.now();
        Instant previousExpiresAt = now.plus(SECRET_OVERLAP);
        if (!endpoints.rotateSecret(organizationId, id, secretBox.seal(secret), previousExpiresAt, now)) {
            throw notFound();
        }
        audit.record(organizationId, TargetType.WEBHOOK_ENDPOINT, id, "webhook_endpoint.secret_rotated", Map.of());
        AfterTransaction.committed(subscriptions::refresh);
        return new RotatedSecret(secret, previousExpiresAt);
    }

    /** The operator stops an endpoint's deliveries; the organisation can enable it again. */
    @Transactional
    public WebhookEndpoint disableByOperator(UUID organizationId, UUID id) {
        WebhookEndpoint before = get(organizationId, id);
        disable(before, "Disabled by the operator");
        return get(organizationId, id);
    }

    /** Stops deliveries to the endpoint (its waiting ones fail); says why. Must run in a transaction. */
    void disable(WebhookEndpoint endpoint, String why) {
        String reason = why.length() <= MAX_DESCRIPTION ? why : why.substring(0, MAX_DESCRIPTION - 3) + "...";
        if (endpoints.disable(endpoint.id(), reason, clock.now())) {
            deliveries.failPending(endpoint.id());
            audit.record(
                    endpoint.organizationId(),
                    TargetType.WEBHOOK_ENDPOINT,
                    endpoint.id(),
                    "webhook_endpoint.disabled",
                    AuditTrail.diff(Map.of("enabled", true), Map.of("enabled", false, "disabledReason", reason)));
            AfterTransaction.committed(subscriptions::refresh);
        }
    }

    /**
     * Where a delivery goes, and the secrets that sign it now: the current one, and the previous one during a
     * rotation.
     */
    record DeliveryTarget(WebhookEndpoint endpoint, List<String> signingSecrets) {}

    /** The endpoint as stored now: read for each take of deliveries, so a change or a rotation counts from the next. */
    Optional<DeliveryTarget> forDelivery(UUID id, Instant now) {
        return endpoints.withSecrets(id).map(found -> {
            var sealed = found.secrets();
            List<String> secrets = new ArrayList<>(2);
            secrets.add(secretBox.open(sealed.current()));
            if (sealed.previous() != null
                    && sealed.previousExpiresAt() != null
                    && now.isBefore(sealed.previousExpiresAt())) {
                secrets.add(secretBox.open(sealed.previous()));
            }
            return new DeliveryTarget(found.endpoint(), secrets);
        });
    }

    private String checkUrl(String url) {
        if (url == null) {
            throw new InvalidInputException("url", "url is required");
        }
        return WebAddresses.check("url", url, allowLoopback);
    }

    private static String checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException(
                    "description", "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static List<EventType> types(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("eventTypes", "eventTypes must name at least one event type");
        }
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            types.add(EventType.fromWireName(name)
                    .orElseThrow(() -> new InvalidInputException("eventTypes", "Unknown event type " + name)));
        }
        return List.copyOf(types);
    }

    private void record(WebhookEndpoint endpoint, String verb, WebhookEndpoint before, WebhookEndpoint after) {
        var changes = AuditTrail.diff(view(before), view(after));
        if (!changes.isEmpty() || before == null || after == null) {
            audit.record(
                    endpoint.organizationId(),
                    TargetType.WEBHOOK_ENDPOINT,
                    endpoint.id(),
                    "webhook_endpoint." + verb,
                    changes);
        }
        AfterTransaction.committed(subscriptions::refresh);
    }

    private static Map<String, Object> view(WebhookEndpoint endpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (endpoint != null) {
            view.put("url", endpoint.url());
            view.put("description", endpoint.description());
            view.put(
                    "eventTypes",
                    endpoint.eventTypes().stream().map(EventType::wireName).toList());
            view.put("enabled", endpoint.enabled());
            view.put("disabledReason", endpoint.disabledReason());
        }
        return view;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Webhook endpoint not found");
    }
}
