package dev.sharelinks.sharelink.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.sharelink.LinkUse;
import dev.sharelinks.sharelink.ShareLink;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Signs the proof of one counted use that the visitor carries into the platform's product. */
@Component
class SessionGrants {

    static final JOSEObjectType TYPE = new JOSEObjectType("sharelinks-session+jwt");

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;

    private volatile Signer signer;

    private record Signer(String kid, ECDSASigner signer) {}

    SessionGrants(SigningKeys keys, ShareLinksProperties properties) {
        this.keys = keys;
        this.issuer = properties.publicBase();
        this.lifetime = properties.grants().lifetime();
    }

    /**
     * @param origin   the embedding origin, or null
     * @param audience who the grant is for
     */
    String issue(LinkUse use, String origin, String audience, Instant now) {
        ShareLink link = use.link();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(link.personaId().toString())
                .jwtID(use.sessionId().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("link_id", link.id().toString())
                .claim("link_type", link.type().name())
                .claim("use", link.usageCount());
        if (origin != null) {
            claims.claim("origin", origin);
        }
        Signer current = signer();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(current.kid())
                        .type(TYPE)
                        .build(),
                claims.build());
        try {
            jwt.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a session grant", e);
        }
        return jwt.serialize();
    }

    /** One signer per key: the key is asked for on every grant (it is cached there), the signer made once. */
    private Signer signer() {
        ECKey key = keys.current();
        Signer known = signer;
        if (known != null && known.kid().equals(key.getKeyID())) {
            return known;
        }
        try {
            // a provider signs fastest with its own key object (Bouncy Castle handed the JDK's takes a slower path)
            Provider provider = GrantSigningProvider.IN_USE;
            PrivateKey privateKey = KeyFactory.getInstance("EC", provider)
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded()));
            ECDSASigner made = new ECDSASigner(privateKey, Curve.P_256);
            made.getJCAContext().setProvider(provider);
            Signer current = new Signer(key.getKeyID(), made);
            signer = current;
            return current;
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.getKeyID() + " cannot sign", e);
        }
    }
}
