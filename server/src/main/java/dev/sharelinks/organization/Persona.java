package dev.sharelinks.organization;

import java.util.UUID;

/** @param launchUrl where a counted use of the persona's links leads, or null (the organisation's default) */
public record Persona(UUID id, UUID organizationId, String name, String launchUrl) {}
