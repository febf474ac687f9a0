package dev.sharelinks.platform.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.text.ParseException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Encrypts a secret for storage and decrypts it for use: a compact JWE (direct encryption with the key-encryption
 * key, AES-256-GCM; nimbus-jose-jwt), so every stored secret carries its own nonce and authentication tag. A key
 * id in the header ({@code kek-1}) leaves room for re-encryption under a new key later.
 */
@Component
public class SecretBox {

    private static final String KEY_ID = "kek-1";

    private final KeyEncryptionKey key;
    private final Cache<String, String> opened = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public SecretBox(KeyEncryptionKey key) {
        this.key = key;
    }

    public String seal(String secret) {
        try {
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                            .keyID(KEY_ID)
                            .build(),
                    new Payload(secret));
            jwe.encrypt(new DirectEncrypter(key.key()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /**
     * The secret in clear. Each sealed text is decrypted once and kept, bounded, in memory: webhook secrets are
     * opened for every delivery attempt and an organisation's Anam key for every claim it hands on, and each opening
     * parses and decrypts a JWE. A new or rotated secret is a new sealed text, so it is a new entry; an unused one
     * ages out.
     *
     * @throws IllegalStateException when the text was not sealed with this key (another key, or tampered)
     */
    public String open(String sealed) {
        return opened.get(sealed, this::decrypt);
    }

    private String decrypt(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(key.key()));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(
                    "A stored secret does not open with this key-encryption key: was SHARELINKS_KEY_ENCRYPTION_KEY"
                            + " changed?",
                    e);
        }
    }
}
