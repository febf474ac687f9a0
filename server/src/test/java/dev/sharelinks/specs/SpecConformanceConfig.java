package dev.sharelinks.specs;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picked up by every test application context (it lives under the application's package in the test
 * sources): all MockMvc requests of all tests, the contract tests included, are checked against the specs.
 */
@Configuration(proxyBeanMethods = false)
class SpecConformanceConfig {

    @Bean
    MockMvcBuilderCustomizer specConformance() {
        return builder -> builder.alwaysDo(new SpecConformance());
    }
}
