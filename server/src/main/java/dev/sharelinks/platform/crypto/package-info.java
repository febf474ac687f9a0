/**
 * Secrets the service must use again (signing keys, vendor credentials, webhook secrets) are stored encrypted
 * with the key-encryption key, which never goes into the database.
 */
@org.springframework.modulith.NamedInterface("crypto")
package dev.sharelinks.platform.crypto;
