package dev.sharelinks.organization;

import dev.sharelinks.platform.WebAddresses;
import dev.sharelinks.platform.web.PageBrand;

/** An organisation's brand as its pages show it. */
public final class Brands {

    private Brands() {}

    /** The brand of its pages (the name at least: the organisation's, when no display name was set). */
    public static PageBrand of(Organization org) {
        Branding branding = org.branding();
        String logo = branding.uploadedLogo() ? "/brand/" + org.id() + "/logo" : branding.logoUrl();
        String theme = branding.accentColor() == null
                ? null
                : "/brand/" + org.id() + "/theme.css?accent="
                        + branding.accentColor().substring(1);
        String imageOrigin = !branding.uploadedLogo() && branding.logoUrl() != null
                ? WebAddresses.originOf(branding.logoUrl())
                : null;
        return new PageBrand(org.displayName(), logo, theme, imageOrigin);
    }

    /** Text on the accent colour: black or white, whichever contrasts more (always at least 4.5:1). */
    static String inkOn(String accent) {
        double luminance = luminance(accent);
        double withWhite = 1.05 / (luminance + 0.05);
        double withBlack = (luminance + 0.05) / 0.05;
        return withWhite >= withBlack ? "#ffffff" : "#000000";
    }

    /** WCAG 2 relative luminance of {@code #rrggbb}. */
    static double luminance(String color) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
