package dev.sharelinks.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * @param launchUrl     where a counted use of the organisation's links leads when its persona names none, or null
 * @param grantAudience the {@code aud} of its session grants, or null for the organisation's id
 * @param branding      its brand for its pages (shown only where its plan allows)
 */
public record Organization(
        UUID id,
        String name,
        Plan plan,
        String customDomain,
        Instant createdAt,
        String launchUrl,
        String grantAudience,
        Branding branding) {

    /** The audience session grants of this organisation's links are issued to. */
    public String audience() {
        return grantAudience != null ? grantAudience : id.toString();
    }

    /** The name its pages show: the brand's display name, else its own. */
    public String displayName() {
        return branding.displayName() != null ? branding.displayName() : name;
    }
}
