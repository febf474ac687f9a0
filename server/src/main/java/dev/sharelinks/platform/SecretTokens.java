package dev.sharelinks.platform;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Secrets handed to callers: share tokens, API keys and Cekura tokens, drawn from a CSPRNG. Lengths come from
 * {@code sharelinks.tokens.*}: 22 base62 characters (the minimum) carry 130 bits, 32 carry 190.
 */
@Component
public class SecretTokens {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final String SHARE_TOKEN_PREFIX = "sh_";
    public static final String API_KEY_PREFIX = "sk_";

    private final ShareLinksProperties.Tokens lengths;

    public SecretTokens(ShareLinksProperties properties) {
        this.lengths = properties.tokens();
    }

    public String newShareToken() {
        return SHARE_TOKEN_PREFIX + randomBase62(lengths.shareTokenLength());
    }

    public String newApiKey() {
        return API_KEY_PREFIX + randomBase62(lengths.apiKeyLength());
    }

    public String newResultToken() {
        return randomBase62(lengths.resultTokenLength());
    }

    /** A Standard Webhooks signing secret: {@code whsec_} and the base64 of 32 random bytes (the HMAC key). */
    public static String newWebhookSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
    }

    public static String randomBase62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    /** Hex SHA-256 of bytes (a content address, not a secret). */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Hex SHA-256. Enough for high-entropy secrets: there is nothing to brute-force by dictionary. */
    public static String sha256(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
