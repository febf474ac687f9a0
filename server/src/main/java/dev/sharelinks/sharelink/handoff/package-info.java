/**
 * Where a counted use leads: a signed session grant (ES256 JWS; keys in the database, private keys sealed with the
 * key-encryption key, published at /.well-known/jwks.json), the launch URL, and the Anam session token for
 * organisations with the Anam hand-off. The operator API rotates the keys.
 */
@org.springframework.modulith.NamedInterface("handoff")
package dev.sharelinks.sharelink.handoff;
