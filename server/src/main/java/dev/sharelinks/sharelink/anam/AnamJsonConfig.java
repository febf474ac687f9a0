package dev.sharelinks.sharelink.anam;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.sharelinks.generated.anam.model.CreateShareLinkRequestDto;
import dev.sharelinks.generated.anam.model.UpdateShareLinkRequestDto;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class AnamJsonConfig {

    /**
     * The vendor's schema says {@code type: number} for both, not {@code [number, 'null']}: a JSON {@code null} is a
     * wrong type and a 400 ("Invalid value for 'usageLimit'"), like a string; leaving the field out takes the default
     * (create) or keeps the value (update).
     */
    abstract static class NumbersAreNeverNull {
        @JsonSetter(nulls = Nulls.FAIL)
        BigDecimal expiresInHours;

        @JsonSetter(nulls = Nulls.FAIL)
        BigDecimal usageLimit;
    }

    @Bean
    JacksonModule anamRequests() {
        return new SimpleModule("anam-requests")
                .setMixInAnnotation(CreateShareLinkRequestDto.class, NumbersAreNeverNull.class)
                .setMixInAnnotation(UpdateShareLinkRequestDto.class, NumbersAreNeverNull.class);
    }
}
