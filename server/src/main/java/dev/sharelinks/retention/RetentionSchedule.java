package dev.sharelinks.retention;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.jdbc.JobLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The retention purge, every {@code sharelinks.retention.purge-interval}, on one instance a period ({@link JobLock});
 * purging stays idempotent (the delete re-checks its condition), so a run that overlaps another does no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule implements SchedulingConfigurer {

    private final ShareLinksProperties properties;
    private final RetentionPurge purge;
    private final JobLock jobs;

    RetentionSchedule(ShareLinksProperties properties, RetentionPurge purge, JobLock jobs) {
        this.properties = properties;
        this.purge = purge;
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.retention().enabled()) {
            jobs.schedule(registrar, "retention-purge", properties.retention().purgeInterval(), purge::purge);
        }
    }
}
