package dev.sharelinks.client.examples;

import dev.sharelinks.client.cekura.ApiClient;
import dev.sharelinks.client.cekura.ApiException;
import dev.sharelinks.client.cekura.api.ResultsApi;
import dev.sharelinks.client.cekura.model.SchemaCreateShareableLinkTokenResponse;
import dev.sharelinks.client.cekura.model.SchemaPostCreateShareableLinkToken;
import java.time.OffsetDateTime;
import java.util.Map;

/** The README's Cekura client example, compiled and run by ReadmeExamplesTests against the contract stubs. */
public final class CekuraExample {

    private CekuraExample() {}

    public static String run(String baseUrl, String apiKey, int resultId, int someoneElsesResultId)
            throws ApiException {
        // spotless:off (the README shows these lines as they are)
        // tag::cekura[]
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("X-CEKURA-API-KEY", apiKey));
        ResultsApi results = new ResultsApi(client);

        SchemaCreateShareableLinkTokenResponse link = results.createShareableLinkToken2(resultId,
                new SchemaPostCreateShareableLinkToken().expireAt(OffsetDateTime.now().plusDays(7)));
        System.out.println("send this to the reader: " + link.getShareableLink());

        // whoever holds the token reads that one result, without the API key
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(baseUrl);
        Map<String, Object> result = new ResultsApi(anonymous)
                .retrieveResultExternal(resultId, Map.of("X-VOCERA-SHAREABLE-LINK-TOKEN", link.getToken()));

        try {
            results.createShareableLinkToken2(someoneElsesResultId, new SchemaPostCreateShareableLinkToken());
        } catch (ApiException e) {
            // e.getCode() == 404, e.getResponseBody() == {"detail":"Not found."}
            System.out.println("not found: " + e.getCode());
        }
        try {
            results.createShareableLinkToken2(resultId,
                    new SchemaPostCreateShareableLinkToken().expireAt(OffsetDateTime.parse("2001-01-01T00:00:00Z")));
        } catch (ApiException e) {
            // e.getCode() == 400, e.getResponseBody() == {"expire_at":["Expiration must be in the future."]}
            System.out.println("bad request: " + e.getCode() + " " + e.getResponseBody());
        }
        // end::cekura[]
        // spotless:on
        return link.getToken() + " " + result.get("status");
    }
}
