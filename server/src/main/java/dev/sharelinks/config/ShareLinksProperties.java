package dev.sharelinks.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings under {@code sharelinks.*}.
 *
 * @param adminToken    bearer token of the operator API; blank disables that API
 * @param publicBaseUrl base of the public URLs handed out to link holders
 * @param demoData      seed a demo organisation on first start of an empty embedded database
 */
@Validated
@ConfigurationProperties(prefix = "sharelinks")
public record ShareLinksProperties(String adminToken, @NotNull URI publicBaseUrl, boolean demoData) {

    public boolean adminApiEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    /** The public base URL without a trailing slash, ready to have a path appended. */
    public String publicBase() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
