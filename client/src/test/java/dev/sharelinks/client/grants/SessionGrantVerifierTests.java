package dev.sharelinks.client.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the verifier accepts, and everything it must refuse. */
class SessionGrantVerifierTests {

    GrantIssuer issuer;
    ECKey key;
    SessionGrantVerifier verifier;

    @BeforeEach
    void aServiceWithOneKey() throws Exception {
        issuer = new GrantIssuer();
        key = issuer.newKey();
        verifier = SessionGrantVerifier.forService(issuer.base(), "org-audience");
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aGrantOfThisServiceForThisAudienceIsVerifiedWithTypedClaims() throws Exception {
        JWTClaimsSet claims = issuer.claims("org-audience")
                .claim("origin", "https://shop.example")
                .build();
        SessionGrant grant = verifier.verify(issuer.sign(key, claims));
        assertThat(grant.sessionId()).isEqualTo(UUID.fromString(claims.getJWTID()));
        assertThat(grant.linkId()).isEqualTo(UUID.fromString(claims.getStringClaim("link_id")));
        assertThat(grant.personaId()).isEqualTo(UUID.fromString(claims.getSubject()));
        assertThat(grant.linkType()).isEqualTo("LINK");
        assertThat(grant.use()).isEqualTo(3);
        assertThat(grant.origin()).isEqualTo("https://shop.example");
        assertThat(grant.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void aTamperedGrantIsRefused() throws Exception {
        String grant = issuer.sign(key, issuer.claims("org-audience").build());
        String[] parts = grant.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"use\":3", "\"use\":1");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void anotherAudienceAnotherIssuerOrAnExpiredGrantIsRefused() throws Exception {
        assertThatThrownBy(() -> verifier.verify(
                        issuer.sign(key, issuer.claims("someone-else").build())))
                .isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> verifier.verify(issuer.sign(
                        key,
                        new JWTClaimsSet.Builder(issuer.claims("org-audience").build())
                                .issuer("https://evil.example")
                                .build())))
                .isInstanceOf(InvalidGrantException.class);
        Instant past = Instant.now().minusSeconds(600);
        assertThatThrownBy(() -> verifier.verify(issuer.sign(
                        key,
                        new JWTClaimsSet.Builder(issuer.claims("org-audience").build())
                                .issueTime(Date.from(past.minusSeconds(300)))
                                .expirationTime(Date.from(past))
                                .build())))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void aKeyTheServiceDoesNotPublishIsRefused() throws Exception {
        ECKey stranger = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("not-published")
                .generate();
        assertThatThrownBy(() -> verifier.verify(
                        issuer.sign(stranger, issuer.claims("org-audience").build())))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void anUnsignedGrantIsRefused() throws Exception {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"alg\":\"none\",\"typ\":\"sharelinks-session+jwt\"}".getBytes(StandardCharsets.UTF_8));
        String body = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(issuer.claims("org-audience").build().toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(header + "." + body + ".")).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void aRotatedKeyIsFetchedWhenAGrantNamesIt() throws Exception {
        verifier.verify(issuer.sign(key, issuer.claims("org-audience").build()));
        int before = issuer.fetches.get();
        ECKey rotated = issuer.newKey();
        SessionGrant grant = verifier.verify(
                issuer.sign(rotated, issuer.claims("org-audience").build()));
        assertThat(grant.use()).isEqualTo(3);
        assertThat(issuer.fetches.get())
                .as("the key set was fetched again for the new kid")
                .isGreaterThan(before);
    }
}
