package dev.sharelinks.organization;

/** A freshly issued key together with its secret, which exists only in this object. */
public record IssuedApiKey(ApiKey key, String secret) {}
