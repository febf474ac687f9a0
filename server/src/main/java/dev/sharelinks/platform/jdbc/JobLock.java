package dev.sharelinks.platform.jdbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * One runner per scheduled job and period across every instance on the database (ShedLock, its JDBC provider,
 * the database's clock): each instance schedules the job, the first to take the lock runs it, and the lock is held
 * for at least most of the period, so the others skip that period instead of running it again.
 */
@Component
public class JobLock {

    /** What is left of the period unheld, so that the next period's run on any instance is not refused. */
    private static final double HELD_SHARE_OF_PERIOD = 0.9;

    private final LockingTaskExecutor executor;
    private final MeterRegistry registry;

    JobLock(DataSource dataSource, MeterRegistry registry) {
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
        this.registry = registry;
    }

    /** Schedules the job on this instance every {@code period}, to run here in the periods no other instance takes. */
    public void schedule(ScheduledTaskRegistrar registrar, String job, Duration period, Runnable task) {
        // first run after one period, not during start-up
        registrar.addFixedDelayTask(new FixedDelayTask(() -> runOncePerPeriod(job, period, task), period, period));
    }

    /**
     * Runs the job here unless another instance runs it this period.
     *
     * @param job    the job's name (the lock's)
     * @param period how often every instance calls this for the job
     */
    void runOncePerPeriod(String job, Duration period, Runnable task) {
        Duration atLeast = Duration.ofMillis((long) (period.toMillis() * HELD_SHARE_OF_PERIOD));
        // a run that takes longer than this (or an instance that died holding the lock) frees the job again
        Duration atMost = max(period.multipliedBy(2), Duration.ofMinutes(1));
        executor.executeWithLock(
                (Runnable) () -> {
                    Counter.builder("sharelinks.jobs.runs")
                            .tag("job", job)
                            .description("Runs of a scheduled job on this instance (one instance runs it per period)")
                            .register(registry)
                            .increment();
                    task.run();
                },
                new LockConfiguration(Instant.now(), job, atMost, atLeast));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
