package dev.sharelinks.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.jdbc.DatabaseKind;
import dev.sharelinks.platform.jdbc.JobLock;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Where the per-client token buckets live. On the embedded database in this process's memory; on PostgreSQL in the
 * database (Bucket4j's {@code SELECT ... FOR UPDATE} proxy manager, table {@code rate_limit_buckets}), so that behind
 * a load balancer a client gets its limit once, not once per instance.
 *
 * <p>Two ways of talking to the shared bucket, chosen per limit:
 * <ul>
 *   <li>the public limit consumes locally and settles with the database every {@link #SHARE_UNSYNCED} of the limit
 *       or every {@link #MAX_UNSYNCED_TIME} (Bucket4j's delaying optimization). Each instance can overshoot the
 *       limit by at most that share before it hears of the others' uses: with the defaults 12 requests of 600 a
 *       minute, 2 % per other instance. A limit below 50 a minute settles every request.</li>
 *   <li>the failure limit settles every request (batched: concurrent requests of one client share one database
 *       transaction), because its tokens are paid before a credential is checked and given back after: given-back
 *       tokens that were only counted locally would never reach the database.</li>
 * </ul>
 * The buckets of each client are kept here for two minutes after their last use (the local part of the delaying);
 * their rows expire ten seconds after they would be full again, and a job removes expired rows every
 * {@code sharelinks.rate-limit.clean-up-interval} (one instance a period).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClientBuckets implements SchedulingConfigurer, DisposableBean {

    static final double SHARE_UNSYNCED = 0.02;
    static final Duration MAX_UNSYNCED_TIME = Duration.ofSeconds(1);
    private static final int REMOVE_BATCH = 1_000;

    private final ShareLinksProperties.RateLimit settings;
    private final DataSource dataSource;
    private final DatabaseKind database;
    private final JobLock jobs;
    private final Cache<String, Bucket> publicBuckets;
    private final Cache<String, Bucket> failureBuckets;
    private volatile PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private HikariDataSource bucketConnections;

    ClientBuckets(ShareLinksProperties properties, DataSource dataSource, DatabaseKind database, JobLock jobs) {
        this.settings = properties.rateLimit();
        this.dataSource = dataSource;
        this.database = database;
        this.jobs = jobs;
        this.publicBuckets = clients();
        this.failureBuckets = clients();
    }

    private Cache<String, Bucket> clients() {
        // a bucket left alone for two minutes is full again anyway: forgetting it changes nothing
        return Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    Bucket publicRequests(String client) {
        int perMinute = settings.publicRequestsPerMinute();
        return publicBuckets.get(client, key -> bucket("public", perMinute, key, delayedUpTo(perMinute)));
    }

    Bucket authFailures(String client) {
        int perMinute = settings.authFailuresPerMinute();
        return failureBuckets.get(client, key -> bucket("auth-failures", perMinute, key, Optimizations.batching()));
    }

    private static Optimization delayedUpTo(int perMinute) {
        long unsynced = (long) (perMinute * SHARE_UNSYNCED);
        return unsynced < 1
                ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(unsynced, MAX_UNSYNCED_TIME));
    }

    private Bucket bucket(String limit, int perMinute, String client, Optimization optimization) {
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build();
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = shared();
        if (proxies == null) {
            return Bucket.builder().addLimit(bandwidth).build();
        }
        BucketConfiguration configuration =
                BucketConfiguration.builder().addLimit(bandwidth).build();
        // the limit is part of the key: instances started with another limit do not rewrite each other's buckets
        return proxies.builder()
                .withOptimization(optimization)
                .build(limit + "/" + perMinute + "/" + client, () -> configuration);
    }

    /** The shared buckets on PostgreSQL, or null on the embedded database; asked on first use, not at start-up. */
    private PostgreSQLSelectForUpdateBasedProxyManager<String> shared() {
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = shared;
        if (proxies == null && settings.shared() && database.isPostgres()) {
            synchronized (this) {
                if (shared == null) {
                    bucketConnections = bucketConnections();
                    shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(
                                    bucketConnections != null ? bucketConnections : dataSource)
                            .primaryKeyMapper(PrimaryKeyMapper.STRING)
                            .table("rate_limit_buckets")
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .build();
                }
                proxies = shared;
            }
        }
        return proxies;
    }

    /**
     * A small pool of its own: a bucket's transaction never waits for one of the requests' connections (nor they for
     * it), gives up after a quarter of a second when the database is away (the request then goes on unlimited), and
     * commits without waiting for the disk ({@code synchronous_commit = off}): a crash may forget the last few
     * hundred milliseconds of counts, which costs at most that much of a limit, never a stored row.
     */
    private HikariDataSource bucketConnections() {
        HikariDataSource requests;
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null; // another pool than Spring Boot's default: the buckets share it
            }
            requests = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return null;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("rate-limits");
        config.setJdbcUrl(requests.getJdbcUrl());
        config.setUsername(requests.getUsername());
        config.setPassword(requests.getPassword());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(250);
        config.setValidationTimeout(250);
        config.setConnectionInitSql("set synchronous_commit = off");
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        if (bucketConnections != null) {
            bucketConnections.close();
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            jobs.schedule(registrar, "rate-limit-clean-up", settings.cleanUpInterval(), this::removeExpired);
        }
    }

    /** Removes the rows of buckets that are full again (each would be created anew on its client's next request). */
    int removeExpired() {
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = shared();
        if (proxies == null) {
            return 0;
        }
        int removed = 0;
        int batch;
        do {
            batch = proxies.removeExpired(REMOVE_BATCH);
            removed += batch;
        } while (batch == REMOVE_BATCH);
        return removed;
    }
}
