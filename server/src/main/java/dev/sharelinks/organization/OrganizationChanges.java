package dev.sharelinks.organization;

/**
 * A partial change to an organisation: null fields stay unchanged. The fields that can also be removed (custom
 * domain, launch URL, grant audience, the brand's parts) carry whether they were given at all.
 */
public record OrganizationChanges(
        String name,
        Boolean removeWatermark,
        Boolean whitelabelReports,
        Given customDomain,
        Given launchUrl,
        Given grantAudience,
        Given brandDisplayName,
        Given accentColor,
        Given logoUrl) {

    public OrganizationChanges(
            String name,
            Boolean removeWatermark,
            Boolean whitelabelReports,
            Given customDomain,
            Given launchUrl,
            Given grantAudience) {
        this(
                name,
                removeWatermark,
                whitelabelReports,
                customDomain,
                launchUrl,
                grantAudience,
                Given.NOT_GIVEN,
                Given.NOT_GIVEN,
                Given.NOT_GIVEN);
    }

    /** A field that was given (its value may be null: remove it) or not (unchanged). */
    public record Given(boolean given, String value) {

        public static final Given NOT_GIVEN = new Given(false, null);

        public static Given of(String value) {
            return new Given(true, value);
        }

        String or(String current) {
            return given ? value : current;
        }
    }
}
