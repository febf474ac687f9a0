package dev.sharelinks.organization;

import java.util.UUID;

/**
 * A persona is about to be deleted, in the transaction that deletes it: whoever keeps things of it removes them
 * now, so that their removal commits (or rolls back) with the persona's.
 */
public record PersonaDeleting(UUID organizationId, UUID personaId) {}
