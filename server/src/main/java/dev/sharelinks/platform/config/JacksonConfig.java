package dev.sharelinks.platform.config;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
public class JacksonConfig {

    /**
     * Spring Boot's builder, on a factory whose read constraints limit JSON nesting to
     * {@code sharelinks.limits.max-json-depth} (Jackson's default, 500 levels, lets a small body cost deep
     * recursion). Every customizer Spring Boot would apply is applied, in order.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(
            ObjectProvider<JsonMapperBuilderCustomizer> customizers, ShareLinksProperties properties) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(properties.limits().maxJsonDepth())
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** Without this module JsonNullable fields serialise as {"undefined":false,"present":true}. */
    @Bean
    JacksonModule jsonNullableModule() {
        return new JsonNullableJackson3Module();
    }

    /** PostgreSQL cannot store NUL in text; refusing it here makes it a 400 on every surface and database. */
    @Bean
    JacksonModule nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulRejectingStringDeserializer());
    }

    /** Timestamps as the vendors write them: UTC with milliseconds, e.g. 2026-04-27T10:00:00.000Z. */
    @Bean
    JacksonModule vendorTimestampModule() {
        return new SimpleModule("vendor-timestamps").addSerializer(OffsetDateTime.class, new UtcMillisSerializer());
    }

    /**
     * Wrong types are client errors: "10" is not a number, 1.5 is not an integer, 7 is not a string.
     * Jackson coerces all of these silently by default.
     */
    @Bean
    JsonMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                // Jackson 3 sorts properties by default; the vendors' documents list them in spec order
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // stored result documents keep their numbers exactly
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        cfg -> cfg.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        cfg -> cfg.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setAcceptBlankAsEmpty(false))
                // "" (and any string of characters up to U+0020, NUL included) is not "omitted" for a number
                .withCoercionConfig(
                        LogicalType.Float,
                        cfg -> cfg.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setAcceptBlankAsEmpty(false))
                .withCoercionConfig(
                        LogicalType.Integer,
                        cfg -> cfg.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setAcceptBlankAsEmpty(false));
    }

    public static final String NUL_MESSAGE = "must not contain NUL characters";

    static final class NulRejectingStringDeserializer extends StdScalarDeserializer<String> {

        NulRejectingStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return ctxt.reportInputMismatch(String.class, NUL_MESSAGE);
            }
            return value;
        }
    }

    static final class UtcMillisSerializer extends StdSerializer<OffsetDateTime> {

        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

        UtcMillisSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(FORMAT.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
        }
    }
}
