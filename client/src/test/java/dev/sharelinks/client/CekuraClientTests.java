package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sharelinks.client.cekura.ApiClient;
import dev.sharelinks.client.cekura.ApiException;
import dev.sharelinks.client.cekura.api.ResultsApi;
import dev.sharelinks.client.cekura.model.SchemaCreateShareableLinkTokenResponse;
import dev.sharelinks.client.cekura.model.SchemaPostCreateShareableLinkToken;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/**
 * The generated Cekura client against the contract stubs. The generated client sends the create body as JSON
 * only (it picks the first of the three content types); form and multipart are covered by the server's
 * contracts and tests.
 */
class CekuraClientTests {

    static final int RESULT = 1001;
    static final int OTHER_RESULT = 2002;
    static final String SHARE_TOKEN = "ContractShareToken00000000000001";
    static final String EXPIRED_TOKEN = "ContractExpiredToken000000000001";

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    ResultsApi api;

    @BeforeEach
    void client() {
        api = api(ContractStubs.API_KEY);
    }

    private ResultsApi api(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("X-CEKURA-API-KEY", key));
        }
        return new ResultsApi(client);
    }

    @Test
    void createsBrandedLinksAtBothPaths() throws ApiException {
        var body = new SchemaPostCreateShareableLinkToken().expireAt(OffsetDateTime.parse("2026-05-20T10:00:00Z"));
        for (SchemaCreateShareableLinkTokenResponse link : new SchemaCreateShareableLinkTokenResponse[] {
            api.createShareableLinkToken2(RESULT, body), api.createShareableLinkToken(RESULT, body)
        }) {
            assertThat(link.getToken()).matches("[0-9A-Za-z]{32}");
            assertThat(link.getShareableLink()).startsWith("https://links.example.test/share/result/1001/");
            assertThat(link.getCustomLink()).startsWith("https://reports.contract.example/share/result/1001/");
            assertThat(link.getCustomDomain()).isTrue();
        }
    }

    @Test
    void createsWithoutABody() throws ApiException {
        assertThat(api.createShareableLinkToken(RESULT, null).getToken()).matches("[0-9A-Za-z]{32}");
    }

    @Test
    void createErrorsAreDrfShaped() {
        assertDetail(() -> api("sk_NotAValidKey").createShareableLinkToken2(RESULT, null), 401);
        assertDetail(() -> api("sk_OtherOrgKey00000000000000000001").createShareableLinkToken(OTHER_RESULT, null), 403);
        assertDetail(() -> api.createShareableLinkToken2(OTHER_RESULT, null), 404);
    }

    @Test
    void readsWithTheKeyOrWithAToken() throws ApiException {
        Map<String, Object> document = api.retrieveResult(RESULT);
        assertThat(document).containsEntry("status", "passed").containsEntry("id", 1001);
        ResultsApi anonymous = api(null);
        Map<String, Object> shared =
                anonymous.retrieveResultExternal(RESULT, Map.of("X-VOCERA-SHAREABLE-LINK-TOKEN", SHARE_TOKEN));
        assertThat(shared).isEqualTo(document);
    }

    @Test
    void readErrors() {
        ResultsApi anonymous = api(null);
        assertDetail(() -> api("sk_NotAValidKey").retrieveResult(RESULT), 401);
        assertDetail(
                () -> anonymous.retrieveResult(RESULT, Map.of("X-VOCERA-SHAREABLE-LINK-TOKEN", EXPIRED_TOKEN)), 403);
        assertDetail(
                () -> anonymous.retrieveResultExternal(
                        OTHER_RESULT, Map.of("X-VOCERA-SHAREABLE-LINK-TOKEN", SHARE_TOKEN)),
                404);
    }

    interface Call {
        Object run() throws ApiException;
    }

    static void assertDetail(Call call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(status);
            try {
                assertThat(new ObjectMapper()
                                .readTree(e.getResponseBody())
                                .path("detail")
                                .asText())
                        .isNotBlank();
            } catch (java.io.IOException notJson) {
                throw new AssertionError("error body is not JSON: " + e.getResponseBody(), notJson);
            }
        });
    }
}
