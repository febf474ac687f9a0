package dev.sharelinks.sharelink.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.crypto.SecretBox;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that sign session grants (EC P-256, ES256; nimbus-jose-jwt). They live in the database, so every instance
 * signs with the same current key; private keys are sealed with the key-encryption key. An instance keeps the current
 * key for {@code sharelinks.grants.key-cache}; a retired key stays published for a grant's lifetime plus that cache
 * (and a minute of clock skew) after its retirement, then leaves the key set.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SigningKeyRepository keys;
    private final SecretBox secretBox;
    private final MillisecondClock clock;
    private final Duration cacheFor;
    private final Duration publishedAfterRetirement;

    private volatile Cached cached;

    private record Cached(ECKey key, Instant until) {}

    SigningKeys(
            SigningKeyRepository keys, SecretBox secretBox, MillisecondClock clock, ShareLinksProperties properties) {
        this.keys = keys;
        this.secretBox = secretBox;
        this.clock = clock;
        this.cacheFor = properties.grants().keyCache();
        this.publishedAfterRetirement =
                properties.grants().lifetime().plus(cacheFor).plus(CLOCK_SKEW);
    }

    /** The key to sign with now, with its private part. The first call on an empty database makes one. */
    public ECKey current() {
        Cached known = cached;
        Instant now = clock.now();
        if (known != null && now.isBefore(known.until())) {
            return known.key();
        }
        ECKey key = keys.current().map(this::open).orElseGet(this::makeFirst);
        cached = new Cached(key, now.plus(cacheFor));
        return key;
    }

    /** The public keys a grant may be verified with: the current one and those retired recently enough. */
    public JWKSet publicKeys() {
        Instant now = clock.now();
        List<com.nimbusds.jose.jwk.JWK> published = keys.all().stream()
                .filter(row -> status(row, now) != SigningKey.Status.EXPIRED)
                .map(row -> (com.nimbusds.jose.jwk.JWK) parsePublic(row.publicJwk()))
                .toList();
        if (published.isEmpty()) {
            return new JWKSet(current().toPublicJWK());
        }
        return new JWKSet(published);
    }

    /** A new current key, signing at once here and within the key cache everywhere; the others are retired. */
    @Transactional
    public SigningKey rotate() {
        Instant now = clock.now();
        SigningKeyRepository.Row row = generate(now);
        keys.insert(row);
        keys.retireAllBut(row.kid(), now);
        cached = new Cached(open(row), now.plus(cacheFor));
        log.info("Signing key rotated: {} signs from now on", row.kid());
        return describe(row, now);
    }

    public List<SigningKey> list() {
        Instant now = clock.now();
        return keys.all().stream().map(row -> describe(row, now)).toList();
    }

    private ECKey makeFirst() {
        SigningKeyRepository.Row row = generate(clock.now());
        keys.insert(row);
        log.info("Signing key {} made: the first session grant on this database", row.kid());
        // two instances starting at once may both have made one: the database's choice is everyone's
        return keys.current().map(this::open).orElseThrow();
    }

    private SigningKeyRepository.Row generate(Instant now) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new SigningKeyRepository.Row(
                    key.getKeyID(), key.toPublicJWK().toJSONString(), secretBox.seal(key.toJSONString()), now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }

    private ECKey open(SigningKeyRepository.Row row) {
        try {
            return ECKey.parse(secretBox.open(row.sealedPrivateJwk()));
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + row.kid() + " is not a key", e);
        }
    }

    private static ECKey parsePublic(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key is not a key", e);
        }
    }

    private SigningKey.Status status(SigningKeyRepository.Row row, Instant now) {
        if (row.retiredAt() == null) {
            return SigningKey.Status.CURRENT;
        }
        return now.isBefore(row.retiredAt().plus(publishedAfterRetirement))
                ? SigningKey.Status.RETIRED
                : SigningKey.Status.EXPIRED;
    }

    private SigningKey describe(SigningKeyRepository.Row row, Instant now) {
        return new SigningKey(row.kid(), row.createdAt(), row.retiredAt(), status(row, now));
    }
}
