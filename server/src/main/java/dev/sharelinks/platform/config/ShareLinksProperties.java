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
 * @param webhooks      delivery of signed webhooks to the organisations' endpoints
 * @param console       the operator console at {@code /console}
 * @param useLog        the log of counted uses that the usage API counts
 * @param claims        how concurrent session claims share transactions
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
        @Valid @DefaultValue Anam anam,
        @Valid @DefaultValue Webhooks webhooks,
        @Valid @DefaultValue Console console,
        @Valid @DefaultValue UseLog useLog,
        @Valid @DefaultValue Claims claims) {

    /**
     * Claims that arrive while their lane is counting a batch are counted together: one transaction per batch, one
     * conditional update per link in it, every caller answered after that commit.
     *
     * @param window   how long a batch waits for more claims after its first before it is counted (0: it takes the
     *                 claims that queued while the previous batch was counted); a lone visitor waits this long at
     *                 most, so it is at most 2 ms
     * @param maxBatch most claims in one transaction (1: every claim its own transaction)
     * @param lanes    batches counted at once per instance; a link's claims always share a lane, so a hot link's
     *                 claims are taken together, and claims on different links in one lane share commits (fewer
     *                 lanes: more sharing, less running side by side)
     */
    public record Claims(
            @DefaultValue("0ms") @NotNull Duration window,
            @DefaultValue("64") @Min(1) @Max(1000) int maxBatch,
            @DefaultValue("4") @Min(1) @Max(1024) int lanes) {

        @AssertTrue(message = "window must be from 0 to 2 ms") public boolean isWindowShort() {
            return window == null || (!window.isNegative() && window.compareTo(Duration.ofMillis(2)) <= 0);
        }
    }

    /**
     * @param enabled write each counted use to the use log; off, the usage API counts nothing from then on (and the
     *                claim does one write less)
     */
    public record UseLog(@DefaultValue("true") boolean enabled) {}

    /** @param idleTimeout a console session unused this long is signed out */
    public record Console(@DefaultValue("15m") @NotNull Duration idleTimeout) {

        @AssertTrue(message = "idle-timeout must be from 1 minute to 12 hours") public boolean isSensible() {
            return idleTimeout == null
                    || (idleTimeout.compareTo(Duration.ofMinutes(1)) >= 0
                            && idleTimeout.compareTo(Duration.ofHours(12)) <= 0);
        }
    }

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
     * @param deliver           run the delivery workers on this instance (events are stored either way)
     * @param allowLoopback     allow endpoints on this machine (http to loopback, and loopback addresses); for
     *                          tests and local development only
     * @param allowedRanges     address ranges (CIDR) endpoints may resolve to although they are private, link-local
     *                          or otherwise refused, e.g. {@code 10.20.0.0/16} for a receiver inside the network
     * @param timeout           how long one attempt may take, connecting included
     * @param retrySchedule     the delay before each attempt, the first included (Standard Webhooks' schedule)
     * @param jitter            each delay is varied by up to this fraction, either way
     * @param concurrency       attempts in flight per instance
     * @param pollInterval      how often an instance looks for due deliveries (events of its own changes wake it at
     *                          once)
     * @param lease             how long a taken delivery is reserved for the instance that took it; a crash mid-send
     *                          makes it due again after this
     * @param handOff           deliveries an instance's own changes may hand straight to its workers, stored already
     *                          reserved for it (no take from the outbox); beyond this many waiting, events are stored
     *                          due at once and taken like any other; 0 turns the hand-off off
     * @param subscriptionCache how long an instance relies on what it read of the endpoints' subscriptions; an
     *                          endpoint created or changed on another instance hears of that instance's changes after
     *                          this
     * @param expirySweep       how often the links whose expiry passed are looked for
     */
    public record Webhooks(
            @DefaultValue("true") boolean deliver,
            @DefaultValue("false") boolean allowLoopback,
            @DefaultValue List<String> allowedRanges,
            @DefaultValue("10s") @NotNull Duration timeout,

            @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) @NotNull List<Duration> retrySchedule,

            @DefaultValue("0.1") double jitter,
            @DefaultValue("8") @Min(1) @Max(256) int concurrency,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("1m") @NotNull Duration lease,
            @DefaultValue("256") @Min(0) @Max(65536) int handOff,
            @DefaultValue("1s") @NotNull Duration subscriptionCache,
            @DefaultValue("30s") @NotNull Duration expirySweep) {

        @AssertTrue(
                message = "timeout must be from 100 ms to 1 minute, lease longer than timeout, retry-schedule 1 to 20"
                        + " delays of at most 7 days, jitter from 0 to 0.5, poll-interval, subscription-cache and"
                        + " expiry-sweep from 10 ms to 1 hour")
        public boolean isSensible() {
            if (timeout == null || retrySchedule == null || pollInterval == null || lease == null) {
                return true;
            }
            return timeout.compareTo(Duration.ofMillis(100)) >= 0
                    && timeout.compareTo(Duration.ofMinutes(1)) <= 0
                    && lease.compareTo(timeout) > 0
                    && !retrySchedule.isEmpty()
                    && retrySchedule.size() <= 20
                    && retrySchedule.stream()
                            .allMatch(d -> d != null && !d.isNegative() && d.compareTo(Duration.ofDays(7)) <= 0)
                    && jitter >= 0
                    && jitter <= 0.5
                    && within(pollInterval)
                    && within(subscriptionCache)
                    && within(expirySweep);
        }

        private static boolean within(Duration d) {
            return d == null || (d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofHours(1)) <= 0);
        }
    }

    /**
     * @param enabled       run the purge job
     * @param period        how long expired and used-up share links (and expired Cekura tokens) stay readable
     *                      by their owners before they are purged
     * @param purgeInterval how often the purge job runs
     * @param useLogPeriod  how long each counted use stays in the use log (the usage API's counts)
     */
    public record Retention(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30d") @NotNull Duration period,
            @DefaultValue("1h") @NotNull Duration purgeInterval,
            @DefaultValue("400d") @NotNull Duration useLogPeriod) {

        @AssertTrue(message = "period, purge-interval and use-log-period must be positive") public boolean isPositive() {
            return period == null
                    || purgeInterval == null
                    || useLogPeriod == null
                    || (!period.isNegative()
                            && !purgeInterval.isNegative()
                            && !purgeInterval.isZero()
                            && !useLogPeriod.isNegative()
                            && !useLogPeriod.isZero());
        }
    }

    /**
     * @param enabled                  apply the limits below
     * @param publicRequestsPerMinute  requests per client and minute to the public link endpoints and pages
     * @param authFailuresPerMinute    failed authentications (API key, admin token, Cekura token) per client and
     *                                 minute; further requests with credentials are refused before checking them
     * @param trustedProxies           addresses (or CIDR ranges) of reverse proxies whose {@code X-Forwarded-For}
     *                                 header names the client; from anyone else the header is ignored
     * @param maxTrackedClients        clients remembered at once by each instance (least recently seen are forgotten
     *                                 first)
     * @param cleanUpInterval          on PostgreSQL, how often the buckets that are full again leave the database
     * @param shared                   on PostgreSQL, keep the buckets in the database for every instance; false keeps
     *                                 each instance's own in memory (N instances then allow N times the limits)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("600") @Min(1) int publicRequestsPerMinute,
            @DefaultValue("30") @Min(1) int authFailuresPerMinute,
            @DefaultValue List<String> trustedProxies,
            @DefaultValue("100000") @Min(100) int maxTrackedClients,
            @DefaultValue("1m") @NotNull Duration cleanUpInterval,
            @DefaultValue("true") boolean shared) {

        @AssertTrue(message = "clean-up-interval must be positive") public boolean isCleanUpIntervalPositive() {
            return cleanUpInterval == null || (!cleanUpInterval.isNegative() && !cleanUpInterval.isZero());
        }
    }

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
