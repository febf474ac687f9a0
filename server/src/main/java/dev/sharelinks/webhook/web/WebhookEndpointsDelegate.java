package dev.sharelinks.webhook.web;

import dev.sharelinks.generated.webhooks.api.WebhooksApiDelegate;
import dev.sharelinks.generated.webhooks.model.EventTypeDto;
import dev.sharelinks.generated.webhooks.model.WebhookDeliveryDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointCreateDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointCreatedDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointUpdateDto;
import dev.sharelinks.generated.webhooks.model.WebhookSecretDto;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.webhook.DeliveryLog;
import dev.sharelinks.webhook.WebhookEndpoints;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** The webhooks API (specs/sharelinks/webhooks.yaml), for the calling organisation's API key. */
@Service
class WebhookEndpointsDelegate implements WebhooksApiDelegate {

    private final WebhookEndpoints endpoints;
    private final DeliveryLog deliveries;
    private final WebhookMapper mapper;

    WebhookEndpointsDelegate(WebhookEndpoints endpoints, DeliveryLog deliveries, WebhookMapper mapper) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<WebhookEndpointCreatedDto> createWebhookEndpoint(WebhookEndpointCreateDto request) {
        var created = endpoints.create(
                CurrentCaller.organizationId(),
                request.getUrl(),
                request.getDescription().orElse(null),
                names(request.getEventTypes()));
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toCreated(created));
    }

    @Override
    public ResponseEntity<List<WebhookEndpointDto>> listWebhookEndpoints() {
        return ResponseEntity.ok(endpoints.list(CurrentCaller.organizationId()).stream()
                .map(mapper::toEndpoint)
                .toList());
    }

    @Override
    public ResponseEntity<WebhookEndpointDto> getWebhookEndpoint(UUID id) {
        return ResponseEntity.ok(mapper.toEndpoint(endpoints.get(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<WebhookEndpointDto> updateWebhookEndpoint(UUID id, WebhookEndpointUpdateDto request) {
        var change = new WebhookEndpoints.Change(
                request.getUrl(),
                request.getDescription().isPresent(),
                request.getDescription().orElse(null),
                request.getEventTypes() == null ? null : names(request.getEventTypes()),
                request.getEnabled());
        return ResponseEntity.ok(mapper.toEndpoint(endpoints.update(CurrentCaller.organizationId(), id, change)));
    }

    @Override
    public ResponseEntity<Void> deleteWebhookEndpoint(UUID id) {
        endpoints.delete(CurrentCaller.organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<WebhookSecretDto> rotateWebhookSecret(UUID id) {
        return ResponseEntity.ok(mapper.toSecret(endpoints.rotateSecret(CurrentCaller.organizationId(), id)));
    }

    @Override
    public ResponseEntity<List<WebhookDeliveryDto>> listWebhookDeliveries(UUID id, Integer limit) {
        int count = limit == null ? 20 : limit;
        return ResponseEntity.ok(deliveries.list(CurrentCaller.organizationId(), id, count).stream()
                .map(mapper::toDelivery)
                .toList());
    }

    @Override
    public ResponseEntity<WebhookDeliveryDto> redeliverWebhook(UUID id, UUID eventId) {
        var delivery = deliveries.redeliver(CurrentCaller.organizationId(), id, eventId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(mapper.toDelivery(delivery));
    }

    private static List<String> names(List<EventTypeDto> types) {
        return types == null
                ? null
                : types.stream().map(t -> t == null ? null : t.getValue()).toList();
    }
}
