package dev.sharelinks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind one (imagined) load balancer, on one PostgreSQL database: one client taking turns between
 * them gets each per-client limit once in total (within 5 %), not once per instance. What the client may get is the
 * limit plus what refills while the test runs (the limit per minute, greedily).
 */
class RateLimitsAcrossInstancesTests {

    private static final int PUBLIC_PER_MINUTE = 300;
    private static final int FAILURES_PER_MINUTE = 20;

    private static String url;
    private static ServerProcess a;
    private static ServerProcess b;

    @BeforeAll
    static void twoInstances() throws Exception {
        url = EmbeddedPostgres.newDatabase();
        String[] limits = {
            "--sharelinks.rate-limit.enabled=true",
            "--sharelinks.rate-limit.public-requests-per-minute=" + PUBLIC_PER_MINUTE,
            "--sharelinks.rate-limit.auth-failures-per-minute=" + FAILURES_PER_MINUTE,
            "--sharelinks.rate-limit.clean-up-interval=1s"
        };
        a = ServerProcess.start(url, "limits-a", limits);
        b = ServerProcess.start(url, "limits-b", limits);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServerProcess server : new ServerProcess[] {a, b}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void thePublicLimitHoldsForTheSumOfBothInstances() throws Exception {
        long started = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < 3 * PUBLIC_PER_MINUTE; i++) {
            ServerProcess server = i % 2 == 0 ? a : b;
            int status = HttpCalls.send("GET", server.baseUrl() + "/v1/public/share-links/sh_unknown" + i, null, null)
                    .statusCode();
            assertThat(status).isIn(404, 429);
            allowed += status == 404 ? 1 : 0;
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        assertWithinFivePercent(allowed, PUBLIC_PER_MINUTE, minutes);
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                ResultSet rows = db.createStatement()
                        .executeQuery("select count(*) from rate_limit_buckets where id like 'public/300/%'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("one shared row for the one client").isEqualTo(1);
        }
    }

    @Test
    void theFailureLimitHoldsForTheSumAndAcceptedKeysGiveTheirTokensBack() throws Exception {
        Tenant tenant = Tenant.create(a.baseUrl(), "limits");
        // accepted keys pay before the check and get the token back after it: three limits' worth all pass
        for (int i = 0; i < 3 * FAILURES_PER_MINUTE; i++) {
            ServerProcess server = i % 2 == 0 ? a : b;
            assertThat(HttpCalls.send("GET", server.baseUrl() + "/v1/share-links", tenant.bearer(), null)
                            .statusCode())
                    .as("request " + i + " with a good key")
                    .isEqualTo(200);
        }
        long started = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < 4 * FAILURES_PER_MINUTE; i++) {
            ServerProcess server = i % 2 == 0 ? a : b;
            int status = HttpCalls.send("GET", server.baseUrl() + "/v1/share-links", "Bearer sk_wrong" + i, null)
                    .statusCode();
            assertThat(status).isIn(401, 429);
            checked += status == 401 ? 1 : 0;
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        assertWithinFivePercent(checked, FAILURES_PER_MINUTE, minutes);
    }

    @Test
    void bucketsThatAreFullAgainLeaveTheDatabase() throws Exception {
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            db.createStatement()
                    .executeUpdate("insert into rate_limit_buckets (id, state, expires_at) values"
                            + " ('public/1/127.0.0.99', null, 1), ('public/1/127.0.0.98', null, 9223372036854775807)");
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (count(db, "public/1/127.0.0.99") == 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(count(db, "public/1/127.0.0.99")).as("the expired row").isZero();
            assertThat(count(db, "public/1/127.0.0.98"))
                    .as("the row not yet expired")
                    .isOne();
        }
    }

    private static int count(Connection db, String id) throws Exception {
        try (var statement = db.prepareStatement("select count(*) from rate_limit_buckets where id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void assertWithinFivePercent(int allowed, int perMinute, double minutes) {
        double most = perMinute * (1 + minutes);
        System.out.printf(
                "rate limit %d/min on two instances: %d allowed in %.1f s (at most %.0f by refill)%n",
                perMinute, allowed, minutes * 60, most);
        assertThat((double) allowed)
                .as(allowed + " allowed in " + minutes * 60 + " s with a limit of " + perMinute
                        + " a minute on two instances")
                .isBetween(perMinute * 0.95, most * 1.05);
    }
}
