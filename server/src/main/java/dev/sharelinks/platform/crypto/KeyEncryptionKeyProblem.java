package dev.sharelinks.platform.crypto;

import dev.sharelinks.platform.StartupProblem;

/** The key-encryption key is missing or malformed: start-up stops and says what to do. */
public class KeyEncryptionKeyProblem extends StartupProblem {

    KeyEncryptionKeyProblem(String message) {
        super(
                message,
                "Set SHARELINKS_KEY_ENCRYPTION_KEY to the output of `openssl rand -base64 32`, and keep it "
                        + "apart from the database's backups; every instance needs the same value.");
    }
}
