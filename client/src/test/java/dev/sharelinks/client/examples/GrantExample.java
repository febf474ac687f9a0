package dev.sharelinks.client.examples;

import dev.sharelinks.client.grants.InvalidGrantException;
import dev.sharelinks.client.grants.SessionGrant;
import dev.sharelinks.client.grants.SessionGrantVerifier;

/** The README's grant example, compiled and run by ReadmeExamplesTests against a local JWKS. */
public final class GrantExample {

    private GrantExample() {}

    public static void run(String serviceUrl, String organizationId, String grantFromTheFragment) {
        // spotless:off (the README shows these lines as they are)
        // tag::grant[]
        SessionGrantVerifier grants = SessionGrantVerifier.forService(serviceUrl, organizationId); // make once, keep
        try {
            SessionGrant grant = grants.verify(grantFromTheFragment);  // signature, issuer, audience, expiry
            System.out.println("use " + grant.use() + " of link " + grant.linkId() + ", session " + grant.sessionId());
        } catch (InvalidGrantException e) {
            System.out.println("refused: " + e.getMessage());
        }
        // end::grant[]
        // spotless:on
    }
}
