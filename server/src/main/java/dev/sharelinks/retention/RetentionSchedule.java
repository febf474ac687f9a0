package dev.sharelinks.retention;

import dev.sharelinks.platform.config.ShareLinksProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The retention purge, every {@code sharelinks.retention.purge-interval}. Each instance runs it; purging is
 * idempotent (the delete re-checks its condition), so several instances on one database need no coordination.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule implements SchedulingConfigurer {

    private final ShareLinksProperties properties;
    private final RetentionPurge purge;

    RetentionSchedule(ShareLinksProperties properties, RetentionPurge purge) {
        this.properties = properties;
        this.purge = purge;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.retention().enabled()) {
            var interval = properties.retention().purgeInterval();
            // first run after one interval, not during start-up
            registrar.addFixedDelayTask(new FixedDelayTask(purge::purge, interval, interval));
        }
    }
}
