package dev.sharelinks.sharelink.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class GrantSigningProviderTests {

    /** The build and CI run on Linux x86-64, where the native provider must sign: a silent fallback costs ~100 µs a claim. */
    @Test
    void theNativeProviderSignsOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64"));

        assertThat(GrantSigningProvider.IN_USE.getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void bouncyCastleSignsWhereTheNativeProviderDoesNotLoad() {
        Provider chosen = GrantSigningProvider.choose(
                () -> {
                    throw new UnsatisfiedLinkError("no native library for this platform");
                },
                BouncyCastleProvider::new);

        assertThat(chosen.getName()).isEqualTo("BC");
    }

    /** Whichever provider signs, the grant is a plain ES256 JWS that the JDK's own verifier accepts. */
    @Test
    void grantsSignedByEitherProviderVerifyWithTheJdk() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        for (Provider provider : new Provider[] {GrantSigningProvider.IN_USE, new BouncyCastleProvider()}) {
            ECDSASigner signer = new ECDSASigner(
                    KeyFactory.getInstance("EC", provider)
                            .generatePrivate(
                                    new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded())),
                    Curve.P_256);
            signer.getJCAContext().setProvider(provider);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(),
                    new JWTClaimsSet.Builder().subject("persona").build());
            jwt.sign(signer);

            SignedJWT parsed = SignedJWT.parse(jwt.serialize());
            assertThat(parsed.verify(new ECDSAVerifier(key.toECPublicKey())))
                    .as(provider.getName())
                    .isTrue();
            assertThat(parsed.getSignature().decode()).as(provider.getName()).hasSize(64);
        }
    }
}
