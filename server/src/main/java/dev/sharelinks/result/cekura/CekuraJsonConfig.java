package dev.sharelinks.result.cekura;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sharelinks.generated.cekura.model.SchemaCreateShareableLinkTokenResponseDto;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class CekuraJsonConfig {

    /** custom_link and custom_domain appear only for organisations with a custom domain, as in the vendor's API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface OmitAbsentBrandedLink {}

    @Bean
    JacksonModule cekuraResponses() {
        return new SimpleModule("cekura-responses")
                .setMixInAnnotation(SchemaCreateShareableLinkTokenResponseDto.class, OmitAbsentBrandedLink.class);
    }
}
