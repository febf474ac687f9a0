package dev.sharelinks.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts stored secrets. From {@code sharelinks.key-encryption-key}
 * ({@code SHARELINKS_KEY_ENCRYPTION_KEY}, 32 random bytes in base64) when set; otherwise, on the embedded database
 * only, from a file beside it ({@code ./data/key-encryption-key}, 0600, made on first start) or, for an in-memory
 * database, a fresh key per run. On PostgreSQL it must be set: a database backup alone must not let anyone sign.
 */
public final class KeyEncryptionKey {

    static final String FILE_NAME = "key-encryption-key";
    private static final String H2_FILE = "jdbc:h2:file:";

    private final SecretKey key;
    private final String source;

    private KeyEncryptionKey(byte[] bytes, String source) {
        if (bytes.length != 32) {
            throw new KeyEncryptionKeyProblem("SHARELINKS_KEY_ENCRYPTION_KEY must be 32 bytes in base64 (it is "
                    + bytes.length + " bytes): make one with `openssl rand -base64 32`");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.source = source;
    }

    /**
     * @param configured    the configured value (base64), or blank
     * @param datasourceUrl the JDBC URL of the database the secrets are stored in
     */
    public static KeyEncryptionKey resolve(String configured, String datasourceUrl) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new KeyEncryptionKeyProblem(
                        "SHARELINKS_KEY_ENCRYPTION_KEY is not base64: make one with `openssl rand -base64 32`");
            }
            return new KeyEncryptionKey(bytes, "configuration");
        }
        String url = datasourceUrl == null ? "" : datasourceUrl;
        if (url.startsWith(H2_FILE)) {
            Path database = Path.of(url.substring(H2_FILE.length()).split(";")[0])
                    .toAbsolutePath()
                    .normalize();
            return fromFile(database.getParent().resolve(FILE_NAME));
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return new KeyEncryptionKey(bytes, "generated for this in-memory database");
        }
        throw new KeyEncryptionKeyProblem("SHARELINKS_KEY_ENCRYPTION_KEY is not set: on this database the key that "
                + "encrypts stored secrets (signing keys, vendor credentials, webhook secrets) must come from the environment (32 random bytes in base64, e.g. "
                + "`openssl rand -base64 32`), so that a database backup alone cannot sign or read them.");
    }

    private static KeyEncryptionKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            }
            return new KeyEncryptionKey(
                    Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the key-encryption key " + file, e);
        }
    }

    SecretKey key() {
        return key;
    }

    /** Where the key came from (never the key): for the start-up log. */
    public String source() {
        return source;
    }
}
