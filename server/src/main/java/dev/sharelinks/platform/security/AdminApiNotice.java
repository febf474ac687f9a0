package dev.sharelinks.platform.security;

import dev.sharelinks.platform.config.ShareLinksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Without an admin token the operator API refuses everything: one line at start says so, not a 401 later. */
@Component
class AdminApiNotice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminApiNotice.class);

    private final ShareLinksProperties properties;

    AdminApiNotice(ShareLinksProperties properties) {
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.adminApiEnabled()) {
            log.warn("The operator API (/admin/v1) is off: set SHARELINKS_ADMIN_TOKEN to turn it on");
        }
    }
}
