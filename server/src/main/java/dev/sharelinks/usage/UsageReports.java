package dev.sharelinks.usage;

import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.usage.UseLogRepository.Scope;
import dev.sharelinks.usage.UseLogRepository.SlotCount;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Counts from the use log per hour or day of a time zone. The database counts per 15-minute slot (one query, at
 * most a few thousand rows); each slot lies wholly inside one hour and one day of every zone, so adding slots up
 * here gives the zone's hours and days exactly, daylight-saving changes included.
 */
@Service
public class UsageReports {

    public enum Interval {
        HOUR,
        DAY
    }

    static final int MAX_HOURS = 744;
    static final int MAX_DAYS = 400;
    private static final int TOP = 10;

    /** What was asked; nulls take the defaults of specs/sharelinks/owner.yaml. */
    public record Query(OffsetDateTime from, OffsetDateTime to, Interval interval, String timeZone) {}

    public record Bucket(ZonedDateTime start, long count) {}

    /** A host or browser family and its uses. */
    public record Ranked(String name, long uses) {}

    public record Report(
            ZonedDateTime from,
            ZonedDateTime to,
            Interval interval,
            String timeZone,
            long total,
            long bots,
            List<Bucket> buckets,
            List<Ranked> topOrigins,
            List<Ranked> topReferrers,
            List<Ranked> agents) {}

    private final UseLogRepository uses;
    private final ShareLinkService shareLinks;
    private final OrganizationService organizations;
    private final MillisecondClock clock;

    UsageReports(
            UseLogRepository uses,
            ShareLinkService shareLinks,
            OrganizationService organizations,
            MillisecondClock clock) {
        this.uses = uses;
        this.shareLinks = shareLinks;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** @throws NotFoundException when the organisation has no such link */
    public Report ofLink(UUID organizationId, UUID linkId, Query query) {
        Window window = window(query);
        shareLinks.get(organizationId, linkId);
        return report(Scope.link(organizationId, linkId), window);
    }

    /** @throws NotFoundException when the organisation has no such persona */
    public Report ofPersona(UUID organizationId, UUID personaId, Query query) {
        Window window = window(query);
        organizations.persona(organizationId, personaId).orElseThrow(() -> new NotFoundException("Persona not found"));
        return report(Scope.persona(organizationId, personaId), window);
    }

    public Report ofOrganization(UUID organizationId, Query query) {
        return report(Scope.organization(organizationId), window(query));
    }

    private record Window(ZonedDateTime from, ZonedDateTime to, Interval interval, ZoneId zone) {

        List<ZonedDateTime> starts() {
            List<ZonedDateTime> starts = new ArrayList<>();
            for (ZonedDateTime at = from; at.isBefore(to); at = next(at)) {
                starts.add(at);
            }
            return starts;
        }

        ZonedDateTime next(ZonedDateTime start) {
            // hours step on the time line (a daylight-saving day has 23 or 25 of them), days on the calendar
            return interval == Interval.HOUR
                    ? start.plusHours(1)
                    : start.toLocalDate().plusDays(1).atStartOfDay(zone);
        }

        ZonedDateTime startOf(Instant instant) {
            ZonedDateTime at = instant.atZone(zone);
            return interval == Interval.HOUR
                    ? at.truncatedTo(ChronoUnit.HOURS)
                    : at.toLocalDate().atStartOfDay(zone);
        }
    }

    private Window window(Query query) {
        Interval interval = query.interval() == null ? Interval.DAY : query.interval();
        ZoneId zone = zone(query.timeZone());
        Instant to = query.to() == null ? clock.now() : query.to().toInstant();
        Instant from = query.from() != null
                ? query.from().toInstant()
                : to.minus(interval == Interval.HOUR ? Duration.ofHours(24) : Duration.ofDays(30));
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "from must be before to");
        }
        Window rough = new Window(null, null, interval, zone);
        ZonedDateTime start = rough.startOf(from);
        ZonedDateTime end = rough.startOf(to);
        if (end.toInstant().isBefore(to)) {
            end = rough.next(end);
        }
        long buckets = interval == Interval.HOUR
                ? Duration.between(start, end).toHours()
                : ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
        int most = interval == Interval.HOUR ? MAX_HOURS : MAX_DAYS;
        if (buckets > most) {
            throw new InvalidInputException(
                    "from",
                    "The range has " + buckets + " " + (interval == Interval.HOUR ? "hours" : "days") + "; at most "
                            + most + " are allowed");
        }
        return new Window(start, end, interval, zone);
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "timeZone must be an IANA time zone such as Europe/Berlin");
        }
    }

    private Report report(Scope scope, Window window) {
        long fromSlot = UseLogRepository.slotOf(window.from().toInstant());
        long toSlot = UseLogRepository.slotOf(window.to().toInstant());
        Map<ZonedDateTime, Long> counts = new TreeMap<>();
        for (ZonedDateTime start : window.starts()) {
            counts.put(start, 0L);
        }
        long total = 0;
        long bots = 0;
        for (SlotCount slot : uses.perSlot(scope, fromSlot, toSlot)) {
            ZonedDateTime bucket = window.startOf(Instant.ofEpochMilli(slot.slot() * UseLogRepository.SLOT_MILLIS));
            counts.merge(bucket, slot.uses(), Long::sum);
            total += slot.uses();
            bots += slot.bots();
        }
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((start, count) -> buckets.add(new Bucket(start, count)));
        return new Report(
                window.from(),
                window.to(),
                window.interval(),
                window.zone().getId(),
                total,
                bots,
                buckets,
                uses.top(scope, "origin_host", fromSlot, toSlot, TOP),
                uses.top(scope, "referrer_host", fromSlot, toSlot, TOP),
                uses.top(scope, "agent_family", fromSlot, toSlot, TOP));
    }
}
