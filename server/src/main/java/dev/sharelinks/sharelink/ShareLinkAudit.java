package dev.sharelinks.sharelink;

import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How a change to a link reads in the audit trail: the settings a caller can change, never its token or counts. */
@Component
class ShareLinkAudit {

    private final AuditTrail audit;

    ShareLinkAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Records {@code share_link.<verb>} from {@code before} to {@code after} (null: did not exist / no longer
     * exists); an update that changed nothing is no change.
     */
    ShareLink record(String verb, ShareLink before, ShareLink after) {
        ShareLink link = after != null ? after : before;
        var changes = AuditTrail.diff(view(before), view(after));
        if (!changes.isEmpty() || before == null || after == null) {
            audit.record(link.organizationId(), TargetType.SHARE_LINK, link.id(), "share_link." + verb, changes);
        }
        return after;
    }

    /** A change with no fields worth showing (the token changed: the trail never says to what). */
    void recordWithoutFields(ShareLink link, String verb) {
        audit.record(link.organizationId(), TargetType.SHARE_LINK, link.id(), "share_link." + verb, Map.of());
    }

    private static Map<String, Object> view(ShareLink link) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (link != null) {
            view.put("personaId", link.personaId());
            view.put("type", link.type());
            view.put("expiresAt", link.expiresAt());
            view.put("usageLimit", link.usageLimit());
            view.put("enabled", link.enabled());
            view.put("allowedOrigins", link.allowedOrigins());
            view.put("allowAllOrigins", link.allowAllOrigins());
            view.put("removeWatermark", link.removeWatermark());
            view.put("primary", link.primary());
        }
        return view;
    }
}
