package dev.sharelinks.organization;

import java.util.UUID;

public record Persona(UUID id, UUID organizationId, String name) {}
