package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.client.webhooks.ApiException;
import dev.sharelinks.client.webhooks.api.WebhooksApi;
import dev.sharelinks.client.webhooks.model.EventType;
import dev.sharelinks.client.webhooks.model.WebhookDelivery;
import dev.sharelinks.client.webhooks.model.WebhookEndpoint;
import dev.sharelinks.client.webhooks.model.WebhookEndpointCreate;
import dev.sharelinks.client.webhooks.model.WebhookEndpointUpdate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/** The generated webhooks client against the contract stubs. */
class WebhooksClientTests {

    static final UUID ENDPOINT = UUID.fromString("e1b2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final UUID OTHER_ENDPOINT = UUID.fromString("a3d4e5f6-7b8c-4d9e-8f0a-2b3c4d5e6f70");
    static final UUID EVENT = UUID.fromString("f2c3d4e5-6a7b-4c8d-9e0f-1a2b3c4d5e6f");

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    private WebhooksApi api(String key) {
        var client = new dev.sharelinks.client.webhooks.ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return new WebhooksApi(client);
    }

    @Test
    void createsAnEndpointAndSeesItsSecretOnce() throws Exception {
        var created = api(ContractStubs.API_KEY)
                .createWebhookEndpoint(new WebhookEndpointCreate()
                        .url("https://hooks.contract.example/new")
                        .description("Links used up")
                        .eventTypes(List.of(EventType.SHARE_LINK_EXHAUSTED)));
        assertThat(created.getSecret()).startsWith("whsec_");
        assertThat(created.getEnabled()).isTrue();
        assertThat(created.getEventTypes()).containsExactly(EventType.SHARE_LINK_EXHAUSTED);

        List<WebhookEndpoint> all = api(ContractStubs.API_KEY).listWebhookEndpoints();
        assertThat(all).extracting(WebhookEndpoint::getId).containsExactly(ENDPOINT);
        assertThat(api(ContractStubs.API_KEY).getWebhookEndpoint(ENDPOINT).getUrl())
                .isEqualTo("https://hooks.contract.example/sharelinks");
    }

    @Test
    void pausesRotatesReadsTheLogAndRedelivers() throws Exception {
        WebhookEndpoint paused = api(ContractStubs.API_KEY)
                .updateWebhookEndpoint(
                        ENDPOINT,
                        new WebhookEndpointUpdate()
                                .description("Paused for maintenance")
                                .enabled(false));
        assertThat(paused.getEnabled()).isFalse();
        assertThat(paused.getDisabledReason()).isEqualTo("Disabled by its owner");

        var secret = api(ContractStubs.API_KEY).rotateWebhookSecret(ENDPOINT);
        assertThat(secret.getSecret()).startsWith("whsec_");
        assertThat(secret.getPreviousSecretExpiresAt()).isNotNull();

        List<WebhookDelivery> log = api(ContractStubs.API_KEY).listWebhookDeliveries(ENDPOINT, null);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getStatus()).isEqualTo(WebhookDelivery.StatusEnum.DELIVERED);
        assertThat(log.get(0).getAttempts().get(0).getStatus()).isEqualTo(200);

        WebhookDelivery again = api(ContractStubs.API_KEY).redeliverWebhook(ENDPOINT, EVENT);
        assertThat(again.getEventId()).isEqualTo(EVENT);
        assertThat(again.getStatus()).isEqualTo(WebhookDelivery.StatusEnum.PENDING);
    }

    @Test
    void errorsCarryTheStatusAndTheBody() {
        assertThatThrownBy(() -> api(ContractStubs.API_KEY).getWebhookEndpoint(OTHER_ENDPOINT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"error\"");
                });
        assertThatThrownBy(() -> api("sk_NotAValidKey").listWebhookEndpoints())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
        assertThatThrownBy(() -> api(ContractStubs.API_KEY)
                        .createWebhookEndpoint(new WebhookEndpointCreate()
                                .url("http://hooks.contract.example/plain")
                                .eventTypes(List.of(EventType.SHARE_LINK_CREATED))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }
}
