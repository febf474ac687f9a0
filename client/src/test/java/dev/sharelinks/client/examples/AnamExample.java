package dev.sharelinks.client.examples;

import dev.sharelinks.client.anam.ApiClient;
import dev.sharelinks.client.anam.ApiException;
import dev.sharelinks.client.anam.api.ShareLinksApi;
import dev.sharelinks.client.anam.model.CreateShareLinkRequest;
import dev.sharelinks.client.anam.model.PersonaShareLinkList;
import dev.sharelinks.client.anam.model.ShareLink;
import dev.sharelinks.client.anam.model.UpdateShareLinkRequest;
import java.math.BigDecimal;
import java.util.UUID;

/** The README's Anam client example, compiled and run by ReadmeExamplesTests against the contract stubs. */
public final class AnamExample {

    private AnamExample() {}

    public static String run(String baseUrl, String apiKey, UUID personaId, UUID someoneElsesLinkId)
            throws ApiException {
        // spotless:off (the README shows these lines as they are)
        // tag::anam[]
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);                       // e.g. "http://localhost:8080"
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        ShareLinksApi links = new ShareLinksApi(client);

        ShareLink link = links.createShareLink(new CreateShareLinkRequest()
                .personaId(personaId).expiresInHours(BigDecimal.valueOf(168)).usageLimit(BigDecimal.TEN));
        ShareLink raised = links.updateShareLink(link.getId(),
                new UpdateShareLinkRequest().usageLimit(BigDecimal.valueOf(50)));
        PersonaShareLinkList found = links.listShareLinks(1, 20, link.getToken(), null);

        try {
            links.getShareLink(someoneElsesLinkId);
        } catch (ApiException e) {
            // e.getCode() == 404, e.getResponseBody() == {"error":"Not Found","message":"Share link not found"}
            System.out.println("not found: " + e.getCode());
        }
        try {
            links.createShareLink(new CreateShareLinkRequest().personaId(personaId).usageLimit(new BigDecimal("2.5")));
        } catch (ApiException e) {
            // e.getCode() == 400: usageLimit must be a whole number
            System.out.println("bad request: " + e.getCode() + " " + e.getResponseBody());
        }
        // end::anam[]
        // spotless:on
        return link.getToken() + " " + raised.getUsageLimit() + " "
                + found.getMeta().getTotal();
    }
}
