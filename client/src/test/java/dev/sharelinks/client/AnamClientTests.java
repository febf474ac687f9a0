package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sharelinks.client.anam.ApiClient;
import dev.sharelinks.client.anam.ApiException;
import dev.sharelinks.client.anam.api.ShareLinksApi;
import dev.sharelinks.client.anam.model.CreateShareLinkRequest;
import dev.sharelinks.client.anam.model.PersonaShareLink;
import dev.sharelinks.client.anam.model.ShareLink;
import dev.sharelinks.client.anam.model.UpdateShareLinkRequest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/** The generated Anam client, through its typed API, against the server's contract stubs. */
class AnamClientTests {

    static final UUID PERSONA = UUID.fromString("3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
    static final UUID OTHER_PERSONA = UUID.fromString("4a1f2b3c-5d6e-4f70-9b8c-1d2e3f4a5b6c");
    static final UUID LINK = UUID.fromString("9b2d7e41-6c3a-4f5e-8d7c-1a2b3c4d5e6f");
    static final UUID OTHER_LINK = UUID.fromString("ac3e8f52-7d4b-4a6f-9e8d-2b3c4d5e6f70");

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    ShareLinksApi api;

    @BeforeEach
    void client() {
        api = api(ContractStubs.API_KEY);
    }

    private ShareLinksApi api(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return new ShareLinksApi(client);
    }

    @Test
    void createsAShareLink() throws ApiException {
        ShareLink link = api.createShareLink(new CreateShareLinkRequest()
                .personaId(PERSONA)
                .expiresInHours(BigDecimal.valueOf(168))
                .usageLimit(BigDecimal.TEN));
        assertThat(link.getToken()).matches("sh_[0-9A-Za-z]{22}");
        assertThat(link.getType()).isEqualTo(ShareLink.TypeEnum.LINK);
        assertThat(link.getUsageLimit()).isEqualTo(10);
        assertThat(link.getUsageCount()).isZero();
        assertThat(link.getEnabled()).isTrue();
        assertThat(link.getIsPrimary()).isFalse();
        assertThat(link.getAllowedOrigins()).isEmpty();
        assertThat(link.getExpiresAt()).isAfter(link.getCreatedAt());
    }

    @Test
    void updatesTheUsageLimit() throws ApiException {
        ShareLink link = api.updateShareLink(LINK, new UpdateShareLinkRequest().usageLimit(BigDecimal.valueOf(50)));
        assertThat(link.getId()).isEqualTo(LINK);
        assertThat(link.getUsageLimit()).isEqualTo(50);
    }

    @Test
    void listsAPage() throws ApiException {
        var page = api.listShareLinks(1, 20, "sh_2kL9pQxYzR4vN8mBwHfJc", null);
        assertThat(page.getData()).extracting(PersonaShareLink::getPersonaName).containsExactly("Support persona");
        assertThat(page.getMeta().getTotal()).isEqualTo(1);
        assertThat(page.getMeta().getCurrentPage()).isEqualTo(1);
        assertThat(page.getMeta().getPrev()).isNull();
        assertThat(page.getMeta().getNext()).isNull();
    }

    @Test
    void getsOneWithItsPersona() throws ApiException {
        PersonaShareLink link = api.getShareLink(LINK);
        assertThat(link.getPersonaId()).isEqualTo(PERSONA);
        assertThat(link.getOrganizationId()).isEqualTo("0d7c3f7e-5a1b-4c2d-9e8f-0a1b2c3d4e5f");
        assertThat(link.getToken()).isEqualTo("sh_2kL9pQxYzR4vN8mBwHfJc");
    }

    @Test
    void deletesOne() throws ApiException {
        assertThat(api.deleteShareLink(LINK).getMessage()).isEqualTo("Share link deleted successfully");
    }

    @Test
    void badInputIsA400InTheAnamErrorShape() {
        assertError(
                () -> api.createShareLink(new CreateShareLinkRequest()
                        .personaId(PERSONA)
                        .expiresInHours(null)
                        .usageLimit(new BigDecimal("2.5"))),
                400,
                "Bad Request");
        assertError(
                () -> api.updateShareLink(LINK, new UpdateShareLinkRequest().expiresInHours(BigDecimal.valueOf(-1))),
                400,
                "Bad Request");
        assertError(() -> api.listShareLinks(null, 500, null, null), 400, "Bad Request");
    }

    @Test
    void aWrongKeyIsA401() {
        ShareLinksApi wrong = api("sk_NotAValidKey");
        assertError(
                () -> wrong.createShareLink(new CreateShareLinkRequest()
                        .personaId(PERSONA)
                        .expiresInHours(null)
                        .usageLimit(null)),
                401,
                "Unauthorized");
        assertError(() -> wrong.listShareLinks(null, null, null, null), 401, "Unauthorized");
        assertError(() -> wrong.getShareLink(LINK), 401, "Unauthorized");
        assertError(
                () -> wrong.updateShareLink(LINK, new UpdateShareLinkRequest().usageLimit(BigDecimal.valueOf(50))),
                401,
                "Unauthorized");
        assertError(() -> wrong.deleteShareLink(LINK), 401, "Unauthorized");
    }

    @Test
    void anotherOrganisationsThingsAreA404() {
        assertError(
                () -> api.createShareLink(new CreateShareLinkRequest()
                        .personaId(OTHER_PERSONA)
                        .expiresInHours(null)
                        .usageLimit(null)),
                404,
                "Not Found");
        assertError(() -> api.getShareLink(OTHER_LINK), 404, "Not Found");
        assertError(
                () -> api.updateShareLink(OTHER_LINK, new UpdateShareLinkRequest().usageLimit(BigDecimal.valueOf(50))),
                404,
                "Not Found");
        assertError(() -> api.deleteShareLink(OTHER_LINK), 404, "Not Found");
    }

    interface Call {
        Object run() throws ApiException;
    }

    static void assertError(Call call, int status, String error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(status);
            try {
                var body = new ObjectMapper().readTree(e.getResponseBody());
                assertThat(body.path("error").asText()).isEqualTo(error);
                assertThat(body.path("message").asText()).isNotBlank();
            } catch (java.io.IOException notJson) {
                throw new AssertionError("error body is not JSON: " + e.getResponseBody(), notJson);
            }
        });
    }
}
