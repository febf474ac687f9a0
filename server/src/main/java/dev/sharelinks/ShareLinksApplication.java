package dev.sharelinks;

import dev.sharelinks.platform.config.SettingsHelp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// No user store: callers authenticate with API keys or the admin token (see security package).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ShareLinksApplication {

    public static void main(String[] args) {
        if (SettingsHelp.asked(args)) {
            System.out.print(SettingsHelp.text());
            return;
        }
        SpringApplication.run(ShareLinksApplication.class, args);
    }
}
