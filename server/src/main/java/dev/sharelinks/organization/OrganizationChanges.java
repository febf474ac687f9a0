package dev.sharelinks.organization;

/**
 * A partial change to an organisation: null fields stay unchanged. The custom domain can also be removed,
 * so whether it was given at all is carried separately.
 */
public record OrganizationChanges(
        String name,
        Boolean removeWatermark,
        Boolean whitelabelReports,
        boolean customDomainGiven,
        String customDomain) {}
