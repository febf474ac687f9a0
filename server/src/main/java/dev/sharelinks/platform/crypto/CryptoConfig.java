package dev.sharelinks.platform.crypto;

import dev.sharelinks.platform.config.ShareLinksProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    @Bean
    KeyEncryptionKey keyEncryptionKey(ShareLinksProperties properties, Environment environment) {
        return KeyEncryptionKey.resolve(
                properties.keyEncryptionKey(), environment.getProperty("spring.datasource.url"));
    }
}
