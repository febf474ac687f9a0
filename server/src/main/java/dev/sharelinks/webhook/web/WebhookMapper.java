package dev.sharelinks.webhook.web;

import dev.sharelinks.generated.webhooks.model.EventTypeDto;
import dev.sharelinks.generated.webhooks.model.WebhookAttemptDto;
import dev.sharelinks.generated.webhooks.model.WebhookDeliveryDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointCreatedDto;
import dev.sharelinks.generated.webhooks.model.WebhookEndpointDto;
import dev.sharelinks.generated.webhooks.model.WebhookSecretDto;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.webhook.Delivery;
import dev.sharelinks.webhook.EventType;
import dev.sharelinks.webhook.WebhookEndpoint;
import dev.sharelinks.webhook.WebhookEndpoints;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Endpoints and deliveries to the webhooks API's wire format. */
@Mapper(config = WireMapping.class)
interface WebhookMapper {

    WebhookEndpointDto toEndpoint(WebhookEndpoint endpoint);

    @Mapping(target = ".", source = "endpoint")
    @Mapping(target = "secret", source = "secret")
    WebhookEndpointCreatedDto toCreated(WebhookEndpoints.Created created);

    @Mapping(target = "secret", source = "secret")
    @Mapping(target = "previousSecretExpiresAt", source = "previousExpiresAt")
    WebhookSecretDto toSecret(WebhookEndpoints.RotatedSecret rotated);

    @Mapping(target = "attempts", source = "log")
    WebhookDeliveryDto toDelivery(Delivery delivery);

    @Mapping(target = "latencyMs", expression = "java((int) Math.min(Integer.MAX_VALUE, attempt.latencyMs()))")
    WebhookAttemptDto toAttempt(Delivery.Attempt attempt);

    default EventTypeDto toEventType(EventType type) {
        return EventTypeDto.fromValue(type.wireName());
    }

    default WebhookDeliveryDto.StatusEnum toStatus(Delivery.Status status) {
        return WebhookDeliveryDto.StatusEnum.fromValue(status.name().toLowerCase(Locale.ROOT));
    }
}
