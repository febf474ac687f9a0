package dev.sharelinks.usage.web;

import dev.sharelinks.generated.owner.model.AgentCountDto;
import dev.sharelinks.generated.owner.model.HostCountDto;
import dev.sharelinks.generated.owner.model.UsageDto;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.usage.UsageReports;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Usage reports to the wire format (the bucket starts are the zone's hours or midnights, written in UTC). */
@Mapper(config = WireMapping.class)
interface UsageMapper {

    UsageDto toUsage(UsageReports.Report report);

    @Mapping(target = "host", source = "name")
    @Mapping(target = "count", source = "uses")
    HostCountDto toHostCount(UsageReports.Ranked ranked);

    @Mapping(target = "family", source = "name")
    @Mapping(target = "count", source = "uses")
    AgentCountDto toAgentCount(UsageReports.Ranked ranked);

    default OffsetDateTime toOffset(ZonedDateTime at) {
        return at.toOffsetDateTime();
    }

    default UsageDto.IntervalEnum toInterval(UsageReports.Interval interval) {
        return UsageDto.IntervalEnum.fromValue(interval.name().toLowerCase(Locale.ROOT));
    }

    /** Counts on the wire are JSON integers of the spec's `integer`: a use log of 2^31 uses is far away. */
    default Integer toCount(long count) {
        return Math.toIntExact(count);
    }
}
