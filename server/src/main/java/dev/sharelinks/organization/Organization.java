package dev.sharelinks.organization;

import java.time.Instant;
import java.util.UUID;

public record Organization(UUID id, String name, Plan plan, String customDomain, Instant createdAt) {}
