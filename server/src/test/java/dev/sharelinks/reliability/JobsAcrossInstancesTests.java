package dev.sharelinks.reliability;

import static dev.sharelinks.support.HttpCalls.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.ServerProcess;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database schedule the same jobs (the retention purge and the expiry sweep, here every
 * second): together they run each job about once a second, not twice, and both take turns over time only if one is
 * gone. Counted from each instance's own metrics.
 */
class JobsAcrossInstancesTests {

    private static final String[] EVERY_SECOND = {
        "--sharelinks.retention.purge-interval=1s", "--sharelinks.webhooks.expiry-sweep=1s"
    };

    @Test
    void twoInstancesRunEachScheduledJobOncePerPeriod() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        try (ServerProcess a = ServerProcess.start(url, "jobs-a", EVERY_SECOND);
                ServerProcess b = ServerProcess.start(url, "jobs-b", EVERY_SECOND)) {
            Map<String, Integer> before = sum(runs(a), runs(b));
            long started = System.nanoTime();
            Thread.sleep(10_000);
            Map<String, Integer> after = sum(runs(a), runs(b));
            double seconds = (System.nanoTime() - started) / 1e9;
            for (String job : new String[] {"retention-purge", "expiry-sweep"}) {
                int ran = after.getOrDefault(job, 0) - before.getOrDefault(job, 0);
                // once a period: about `seconds` runs; twice a period (each instance on its own) would be ~2x that
                assertThat(ran)
                        .as(job + " runs in " + seconds + " s on two instances")
                        .isBetween((int) (seconds * 0.6), (int) (seconds * 1.3) + 1);
            }
        }
    }

    private static Map<String, Integer> runs(ServerProcess server) throws Exception {
        String metrics = expect(
                200, "GET", server.baseUrl() + "/actuator/prometheus", "Bearer " + ServerProcess.ADMIN_TOKEN, null);
        Map<String, Integer> runs = new TreeMap<>();
        metrics.lines()
                .filter(line -> line.startsWith("sharelinks_jobs_runs_total{"))
                .forEach(line -> {
                    String job = line.replaceAll(".*job=\"([^\"]+)\".*", "$1");
                    runs.merge(job, (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Integer::sum);
                });
        return runs;
    }

    @SafeVarargs
    private static Map<String, Integer> sum(Map<String, Integer>... all) {
        Map<String, Integer> total = new TreeMap<>();
        for (Map<String, Integer> one : all) {
            one.forEach((job, n) -> total.merge(job, n, Integer::sum));
        }
        return total;
    }
}
