package dev.sharelinks.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Set;

/** A platform's check of a session grant, in tests: against the key set the service published, with nimbus. */
public final class Grants {

    private Grants() {}

    /** @throws AssertionError when the grant does not verify */
    public static JWTClaimsSet verify(String grant, String jwksJson, String issuer, String audience) {
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(
                    new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("sharelinks-session+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    JWSAlgorithm.ES256, new ImmutableJWKSet<>(JWKSet.parse(jwksJson))));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    audience,
                    new JWTClaimsSet.Builder().issuer(issuer).build(),
                    Set.of("sub", "jti", "iat", "exp", "link_id", "link_type", "use")));
            return processor.process(grant, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("The grant does not verify: " + e.getMessage() + "\n" + grant, e);
        }
    }
}
