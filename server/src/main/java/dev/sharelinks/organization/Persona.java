package dev.sharelinks.organization;

import java.util.UUID;

/**
 * @param launchUrl   where a counted use of the persona's links leads, or null (the organisation's default)
 * @param description a sentence the persona page shows under the name, or null
 * @param avatarUrl   an https image the persona page shows, or null
 */
public record Persona(
        UUID id, UUID organizationId, String name, String launchUrl, String description, String avatarUrl) {

    public Persona(UUID id, UUID organizationId, String name, String launchUrl) {
        this(id, organizationId, name, launchUrl, null, null);
    }
}
