package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sharelinks.client.owner.api.OwnerApi;
import dev.sharelinks.client.owner.model.OwnedShareLink;
import dev.sharelinks.client.owner.model.ShareLinkSettings;
import dev.sharelinks.client.publiclinks.api.PublicApi;
import dev.sharelinks.client.publiclinks.model.PublicShareLink;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/** The generated public and owner clients against the contract stubs. */
class PublicAndOwnerClientTests {

    static final String TOKEN = "sh_2kL9pQxYzR4vN8mBwHfJc";
    static final String EMBED_TOKEN = "sh_EmbedLinkToken00000001";
    static final UUID LINK = UUID.fromString("9b2d7e41-6c3a-4f5e-8d7c-1a2b3c4d5e6f");
    static final UUID OTHER_LINK = UUID.fromString("ac3e8f52-7d4b-4a6f-9e8d-2b3c4d5e6f70");

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    private PublicApi publicApi() {
        var client = new dev.sharelinks.client.publiclinks.ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        return new PublicApi(client);
    }

    private OwnerApi ownerApi(String key) {
        var client = new dev.sharelinks.client.owner.ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return new OwnerApi(client);
    }

    @Test
    void readsStatusAndStartsSessions() throws Exception {
        PublicShareLink status = publicApi().getPublicShareLink(TOKEN);
        assertThat(status.getPersonaName()).isEqualTo("Support persona");
        assertThat(status.getType()).isEqualTo(PublicShareLink.TypeEnum.LINK);
        assertThat(status.getRemainingUses()).isEqualTo(10);

        var session = publicApi().createShareLinkSession(TOKEN);
        assertThat(session.getSessionId()).isNotNull();
        assertThat(session.getUsageCount()).isEqualTo(1);
        assertThat(session.getRemainingUses()).isEqualTo(9);

        var embedded =
                publicApi().createShareLinkSession(EMBED_TOKEN, Map.of("Origin", "https://shop.contract.example"));
        assertThat(embedded.getUsageCount()).isEqualTo(1);
    }

    @Test
    void publicErrors() {
        assertError(() -> publicApi().getPublicShareLink("sh_NoSuchToken000000000000"), 404, null);
        assertError(() -> publicApi().createShareLinkSession("sh_NoSuchToken000000000000"), 404, null);
        assertError(() -> publicApi().getPublicShareLink("sh_DisabledLinkToken00001"), 410, "disabled");
        assertError(() -> publicApi().createShareLinkSession("sh_DisabledLinkToken00001"), 410, "disabled");
        assertError(
                () -> publicApi().createShareLinkSession(EMBED_TOKEN, Map.of("Origin", "https://evil.example")),
                403,
                null);
        assertError(
                () -> publicApi().getPublicShareLink(EMBED_TOKEN, Map.of("Origin", "https://evil.example")), 403, null);
    }

    @Test
    void ownerChangesSettingsAndRotatesTokens() throws Exception {
        OwnerApi owner = ownerApi(ContractStubs.API_KEY);
        OwnedShareLink changed = owner.updateShareLinkSettings(
                LINK,
                new ShareLinkSettings()
                        .type(ShareLinkSettings.TypeEnum.PLAYER_EMBED)
                        .allowedOrigins(List.of("https://www.example.com"))
                        .isPrimary(true));
        assertThat(changed.getType()).isEqualTo(OwnedShareLink.TypeEnum.PLAYER_EMBED);
        assertThat(changed.getIsPrimary()).isTrue();
        assertThat(changed.getAllowedOrigins()).containsExactly("https://www.example.com");

        assertThat(owner.rotateShareLinkToken(LINK).getToken())
                .matches("sh_[0-9A-Za-z]{22}")
                .isNotEqualTo(TOKEN);
    }

    @Test
    void ownerErrors() {
        OwnerApi owner = ownerApi(ContractStubs.API_KEY);
        assertError(
                () -> owner.updateShareLinkSettings(
                        LINK, new ShareLinkSettings().allowedOrigins(List.of("not an origin"))),
                400,
                null);
        assertError(
                () -> ownerApi("sk_NotAValidKey").updateShareLinkSettings(LINK, new ShareLinkSettings().enabled(false)),
                401,
                null);
        assertError(
                () -> ownerApi("sk_OtherOrgKey00000000000000000001")
                        .updateShareLinkSettings(OTHER_LINK, new ShareLinkSettings().removeWatermark(true)),
                403,
                null);
        assertError(() -> owner.updateShareLinkSettings(OTHER_LINK, new ShareLinkSettings().enabled(false)), 404, null);
        assertError(() -> ownerApi("sk_NotAValidKey").rotateShareLinkToken(LINK), 401, null);
        assertError(() -> owner.rotateShareLinkToken(OTHER_LINK), 404, null);
    }

    interface Call {
        Object run() throws Exception;
    }

    /** Both generated ApiException classes carry the status and the body; the body is the Anam error shape. */
    static void assertError(Call call, int status, String reason) {
        assertThatThrownBy(call::run).satisfies(e -> {
            int code = e instanceof dev.sharelinks.client.publiclinks.ApiException p
                    ? p.getCode()
                    : ((dev.sharelinks.client.owner.ApiException) e).getCode();
            String body = e instanceof dev.sharelinks.client.publiclinks.ApiException p
                    ? p.getResponseBody()
                    : ((dev.sharelinks.client.owner.ApiException) e).getResponseBody();
            assertThat(code).isEqualTo(status);
            var json = new ObjectMapper().readTree(body);
            assertThat(json.path("error").asText()).isNotBlank();
            assertThat(json.path("message").asText()).isNotBlank();
            if (reason != null) {
                assertThat(json.path("reason").asText()).isEqualTo(reason);
            }
        });
    }
}
