package dev.sharelinks.organization;

import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.platform.WebAddresses;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an organisation's pages look when its plan lets them carry its brand instead of the vendor's mark.
 *
 * @param displayName  the name shown (null: the organisation's name)
 * @param accentColor  {@code #rrggbb}, for the pages' accent (null: the default)
 * @param logoUrl      an https image URL, http only for localhost (null: none, or the uploaded logo)
 * @param uploadedLogo whether a logo was uploaded (it wins over {@code logoUrl})
 */
public record Branding(String displayName, String accentColor, String logoUrl, boolean uploadedLogo) {

    public static final Branding NONE = new Branding(null, null, null, false);
    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

    /** Whether anything of a brand was set (else the pages keep the default look). */
    public boolean isSet() {
        return displayName != null || accentColor != null || logoUrl != null || uploadedLogo;
    }

    static String checkDisplayName(String name) {
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw new InvalidInputException("branding.displayName", "branding.displayName must be 1 to 200 characters");
        }
        return DisplayNames.check("branding.displayName", name);
    }

    static String checkColor(String color) {
        if (color == null) {
            return null;
        }
        String lower = color.strip().toLowerCase(Locale.ROOT);
        if (!COLOR.matcher(lower).matches()) {
            throw new InvalidInputException(
                    "branding.accentColor", "branding.accentColor must be a colour like #2a55c9");
        }
        return lower;
    }

    static String checkLogoUrl(String url) {
        return WebAddresses.check("branding.logoUrl", url);
    }
}
