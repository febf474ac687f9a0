package dev.sharelinks.organization;

/** What the operator says of a persona (a PUT replaces all of it; null: none). */
public record PersonaDetails(String name, String launchUrl, String description, String avatarUrl) {

    public static PersonaDetails named(String name) {
        return new PersonaDetails(name, null, null, null);
    }
}
