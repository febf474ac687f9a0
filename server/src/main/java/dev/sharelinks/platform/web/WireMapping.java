package dev.sharelinks.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * The rules every wire mapper follows (MapStruct): a target field nobody maps is a compile error, so a field a
 * vendor adds to its spec cannot go out as null unnoticed; instants go out as UTC offsets; nullable wire fields
 * (JsonNullable) are always present, null or not.
 */
@MapperConfig(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR, uses = WireMapping.Values.class)
public interface WireMapping {

    /** Conversions MapStruct applies wherever the types ask for them. */
    final class Values {

        private Values() {}

        public static OffsetDateTime utc(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }

        public static JsonNullable<OffsetDateTime> nullableUtc(Instant instant) {
            return JsonNullable.of(utc(instant));
        }

        public static JsonNullable<Integer> nullable(Integer value) {
            return JsonNullable.of(value);
        }

        public static JsonNullable<String> nullable(String value) {
            return JsonNullable.of(value);
        }

        public static String text(UUID id) {
            return id == null ? null : id.toString();
        }
    }
}
