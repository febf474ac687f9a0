package dev.sharelinks.domain;

import java.util.UUID;

public record Persona(UUID id, UUID organizationId, String name) {}
