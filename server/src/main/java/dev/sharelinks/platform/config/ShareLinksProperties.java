package dev.sharelinks.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code sharelinks.*}. An unknown {@code sharelinks.*} key or an invalid value stops start-up
 * with a message naming it (the configuration processor also writes IDE metadata from these descriptions).
 *
 * @param adminToken    bearer token of the operator API ({@code SHARELINKS_ADMIN_TOKEN}); blank disables that API
 * @param publicBaseUrl base of the public URLs handed out to link holders, an absolute http(s) URL
 *                      ({@code SHARELINKS_PUBLIC_BASE_URL})
 * @param demoData      create a demo organisation, persona and API key on the first start of an empty embedded
 *                      (H2) database ({@code SHARELINKS_DEMO_DATA})
 * @param retention     when ended links are purged
 * @param rateLimit     per-client limits on the public endpoints and on failed authentication
 * @param limits        request size and JSON shape limits
 * @param tokens        lengths of the secrets the service hands out
 * @param keyEncryptionKey 32 random bytes in base64 that encrypt stored secrets (signing keys, vendor credentials)
 *                      ({@code SHARELINKS_KEY_ENCRYPTION_KEY}); required on PostgreSQL, on the embedded database a
 *                      key file beside it is made when this is empty
 * @param grants        the signed session grants that a counted use hands on
 * @param anam          the Anam session hand-off
 */
@Validated
@ConfigurationProperties(prefix = "sharelinks", ignoreUnknownFields = false)
public record ShareLinksProperties(
        String adminToken,
        @NotNull URI publicBaseUrl,
        boolean demoData,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue RateLimit rateLimit,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Tokens tokens,
        String keyEncryptionKey,
        @Valid @DefaultValue Grants grants,
        @Valid @DefaultValue Anam anam) {

    /**
     * @param lifetime how long a grant may be presented after the use it proves (its {@code exp})
     * @param keyCache how long an instance keeps the current signing key before it looks again; a rotation reaches
     *                 every instance within this time, and retired keys stay published this long on top of a grant's
     *                 lifetime
     */
    public record Grants(
            @DefaultValue("5m") @NotNull Duration lifetime,
            @DefaultValue("10s") @NotNull Duration keyCache) {

        @AssertTrue(message = "lifetime must be from 10 seconds to 1 hour, key-cache from 0 to 1 minute") public boolean isSensible() {
            return lifetime == null
                    || keyCache == null
                    || (lifetime.compareTo(Duration.ofSeconds(10)) >= 0
                            && lifetime.compareTo(Duration.ofHours(1)) <= 0
                            && !keyCache.isNegative()
                            && keyCache.compareTo(Duration.ofMinutes(1)) <= 0);
        }
    }

    /**
     * @param sdkUrl  the script the persona page loads to start an Anam persona (an ES module exporting
     *                {@code createClient}); the page's CSP names exactly its origin
     * @param timeout how long a claim waits for Anam's session token before it gives the use back (at most 5 s)
     */
    public record Anam(
            @DefaultValue("https://cdn.jsdelivr.net/npm/@anam-ai/js-sdk@4.8.0/+esm") @NotNull
            URI sdkUrl,

            @DefaultValue("5s") @NotNull Duration timeout) {

        @AssertTrue(message = "sdk-url must be an absolute http(s) URL and timeout from 100 ms to 5 s")
        public boolean isSensible() {
            return sdkUrl == null
                    || timeout == null
                    || (sdkUrl.isAbsolute()
                            && ("https".equals(sdkUrl.getScheme()) || "http".equals(sdkUrl.getScheme()))
                            && timeout.compareTo(Duration.ofMillis(100)) >= 0
                            && timeout.compareTo(Duration.ofSeconds(5)) <= 0);
        }
    }

    /**
     * @param enabled       run the purge job
     * @param period        how long expired and used-up share links (and expired Cekura tokens) stay readable
     *                      by their owners before they are purged
     * @param purgeInterval how often the purge job runs
     */
    public record Retention(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30d") @NotNull Duration period,
            @DefaultValue("1h") @NotNull Duration purgeInterval) {

        @AssertTrue(message = "period and purge-interval must be positive") public boolean isPositive() {
            return period == null
                    || purgeInterval == null
                    || (!period.isNegative() && !purgeInterval.isNegative() && !purgeInterval.isZero());
        }
    }

    /**
     * @param enabled                  apply the limits below
     * @param publicRequestsPerMinute  requests per client and minute to the public link endpoints and pages
     * @param authFailuresPerMinute    failed authentications (API key, admin token, Cekura token) per client and
     *                                 minute; further requests with credentials are refused before checking them
     * @param trustedProxies           addresses (or CIDR ranges) of reverse proxies whose {@code X-Forwarded-For}
     *                                 header names the client; from anyone else the header is ignored
     * @param maxTrackedClients        clients remembered at once (least recently seen are forgotten first)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("600") @Min(1) int publicRequestsPerMinute,
            @DefaultValue("30") @Min(1) int authFailuresPerMinute,
            @DefaultValue List<String> trustedProxies,
            @DefaultValue("100000") @Min(100) int maxTrackedClients) {}

    /**
     * @param maxRequestSize largest request body accepted (413 above it)
     * @param maxJsonDepth   deepest nesting of JSON objects and arrays accepted in a request body (400 deeper)
     */
    public record Limits(
            @DefaultValue("1MB") @NotNull DataSize maxRequestSize,
            @DefaultValue("32") @Min(2) @Max(1000) int maxJsonDepth) {}

    /**
     * Lengths in base62 characters (5.95 bits each); the minimum 22 keeps every secret at 128 bits or more.
     *
     * @param shareTokenLength  Anam share tokens (after the {@code sh_} prefix)
     * @param apiKeyLength      API keys (after the {@code sk_} prefix)
     * @param resultTokenLength Cekura shareable-link tokens
     */
    public record Tokens(
            @DefaultValue("22") @Min(22) @Max(61) int shareTokenLength,
            @DefaultValue("32") @Min(22) @Max(128) int apiKeyLength,
            @DefaultValue("32") @Min(22) @Max(128) int resultTokenLength) {}

    public boolean adminApiEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    /** The public base URL without a trailing slash, ready to have a path appended. */
    public String publicBase() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @AssertTrue(message = "must be an absolute http(s) URL without query or fragment, e.g. https://links.example.com")
    public boolean isPublicBaseUrlValid() {
        return publicBaseUrl == null
                || (publicBaseUrl.isAbsolute()
                        && ("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))
                        && publicBaseUrl.getHost() != null
                        && publicBaseUrl.getRawQuery() == null
                        && publicBaseUrl.getRawFragment() == null);
    }
}
