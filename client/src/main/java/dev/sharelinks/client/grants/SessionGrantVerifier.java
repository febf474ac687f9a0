package dev.sharelinks.client.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies the session grants the share-link service hands to the platform after a counted use
 * ({@code {launchUrl}#grant=...}, or the message an embed posts): ES256 signature with the key its {@code kid} names
 * from the service's {@code /.well-known/jwks.json} (fetched and cached by nimbus-jose-jwt, fetched again when an
 * unknown {@code kid} appears after a rotation), the {@code typ}, the issuer, the audience, the expiry. Anything else
 * ({@code alg: none}, another algorithm, a tampered token) is refused. Thread-safe; make one and keep it.
 */
public final class SessionGrantVerifier {

    static final JOSEObjectType TYPE = new JOSEObjectType("sharelinks-session+jwt");
    private static final Set<String> REQUIRED = Set.of("sub", "jti", "iat", "exp", "link_id", "link_type", "use");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String audience;

    private SessionGrantVerifier(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this.audience = audience;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED));
    }

    /**
     * @param baseUrl  the service's public base URL (the grants' issuer), e.g. {@code https://links.example.com}
     * @param audience the audience your organisation's grants carry: its id, unless the operator configured another
     */
    public static SessionGrantVerifier forService(String baseUrl, String audience) {
        String issuer = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            URI.create(issuer + "/.well-known/jwks.json").toURL())
                    .retrying(true)
                    .build();
            return new SessionGrantVerifier(issuer, audience, keys);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a base URL: " + baseUrl, e);
        }
    }

    /** @throws InvalidGrantException when the grant is not one to accept; the message says why */
    public SessionGrant verify(String grant) throws InvalidGrantException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(grant, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidGrantException("Not a valid session grant: " + e.getMessage(), e);
        }
        try {
            return new SessionGrant(
                    UUID.fromString(claims.getJWTID()),
                    UUID.fromString(claims.getStringClaim("link_id")),
                    claims.getStringClaim("link_type"),
                    UUID.fromString(claims.getSubject()),
                    audience,
                    claims.getStringClaim("origin"),
                    claims.getIntegerClaim("use"),
                    claims.getIssueTime().toInstant(),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidGrantException("A session grant with malformed claims", e);
        }
    }
}
