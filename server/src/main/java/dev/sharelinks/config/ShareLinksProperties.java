package dev.sharelinks.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Settings under {@code sharelinks.*}. An unknown {@code sharelinks.*} key or an invalid value stops start-up
 * with a message naming it (the configuration processor also writes IDE metadata from these descriptions).
 *
 * @param adminToken    bearer token of the operator API ({@code SHARELINKS_ADMIN_TOKEN}); blank disables that API
 * @param publicBaseUrl base of the public URLs handed out to link holders, an absolute http(s) URL
 *                      ({@code SHARELINKS_PUBLIC_BASE_URL})
 * @param demoData      create a demo organisation, persona and API key on the first start of an empty embedded
 *                      (H2) database ({@code SHARELINKS_DEMO_DATA})
 */
@Validated
@ConfigurationProperties(prefix = "sharelinks", ignoreUnknownFields = false)
public record ShareLinksProperties(String adminToken, @NotNull URI publicBaseUrl, boolean demoData) {

    public boolean adminApiEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    /** The public base URL without a trailing slash, ready to have a path appended. */
    public String publicBase() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @AssertTrue(message = "must be an absolute http(s) URL without query or fragment, e.g. https://links.example.com")
    public boolean isPublicBaseUrlValid() {
        return publicBaseUrl == null || (publicBaseUrl.isAbsolute()
                && ("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))
                && publicBaseUrl.getHost() != null && publicBaseUrl.getRawQuery() == null
                && publicBaseUrl.getRawFragment() == null);
    }
}
