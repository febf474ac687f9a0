package dev.sharelinks.usage.web;

import dev.sharelinks.generated.owner.api.UsageApiDelegate;
import dev.sharelinks.generated.owner.model.UsageDto;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.sharelink.ShareLinkUrls;
import dev.sharelinks.usage.QrCodes;
import dev.sharelinks.usage.UsageReports;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** Counts over time and QR codes for the organisation's own links and personas (specs/sharelinks/owner.yaml). */
@Service
class UsageDelegate implements UsageApiDelegate {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final UsageReports reports;
    private final UsageMapper mapper;
    private final ShareLinkService shareLinks;
    private final ShareLinkUrls urls;
    private final QrCodes qrCodes;

    UsageDelegate(
            UsageReports reports,
            UsageMapper mapper,
            ShareLinkService shareLinks,
            ShareLinkUrls urls,
            QrCodes qrCodes) {
        this.reports = reports;
        this.mapper = mapper;
        this.shareLinks = shareLinks;
        this.urls = urls;
        this.qrCodes = qrCodes;
    }

    @Override
    public ResponseEntity<UsageDto> getShareLinkUsage(
            UUID id, OffsetDateTime from, OffsetDateTime to, String interval, String timeZone) {
        return ResponseEntity.ok(mapper.toUsage(
                reports.ofLink(CurrentCaller.organizationId(), id, query(from, to, interval, timeZone))));
    }

    @Override
    public ResponseEntity<UsageDto> getPersonaUsage(
            UUID personaId, OffsetDateTime from, OffsetDateTime to, String interval, String timeZone) {
        return ResponseEntity.ok(mapper.toUsage(
                reports.ofPersona(CurrentCaller.organizationId(), personaId, query(from, to, interval, timeZone))));
    }

    @Override
    public ResponseEntity<UsageDto> getOrganizationUsage(
            OffsetDateTime from, OffsetDateTime to, String interval, String timeZone) {
        return ResponseEntity.ok(mapper.toUsage(
                reports.ofOrganization(CurrentCaller.organizationId(), query(from, to, interval, timeZone))));
    }

    @Override
    public ResponseEntity<Resource> getShareLinkQrCode(UUID id, String format, Integer size) {
        if (!"svg".equals(format) && !"png".equals(format)) {
            throw new InvalidInputException("format", "format must be svg or png");
        }
        String url = urls.publicUrl(shareLinks.get(CurrentCaller.organizationId(), id));
        byte[] image = "png".equals(format)
                ? qrCodes.png(url, size)
                : qrCodes.svg(url, size).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType("png".equals(format) ? MediaType.IMAGE_PNG : SVG)
                // the code shows the token: a rotation changes it, so nothing keeps an old one
                .cacheControl(CacheControl.noStore())
                .body(new ByteArrayResource(image));
    }

    private static UsageReports.Query query(OffsetDateTime from, OffsetDateTime to, String interval, String timeZone) {
        UsageReports.Interval parsed;
        if (interval == null) {
            parsed = null;
        } else if (interval.equals("hour") || interval.equals("day")) {
            parsed = UsageReports.Interval.valueOf(interval.toUpperCase(Locale.ROOT));
        } else {
            throw new InvalidInputException("interval", "interval must be hour or day");
        }
        return new UsageReports.Query(from, to, parsed, timeZone);
    }
}
