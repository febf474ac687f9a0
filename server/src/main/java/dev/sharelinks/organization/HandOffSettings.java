package dev.sharelinks.organization;

import java.util.Optional;

/**
 * What the hand-off of a counted use needs to know of its organisation and persona, read in one statement.
 *
 * @param audience  the grants' {@code aud}
 * @param launchUrl the persona's launch URL, else the organisation's, else null
 * @param anam      the organisation's Anam credential, opened, when it has one
 */
public record HandOffSettings(String audience, String launchUrl, Optional<AnamCredential> anam) {}
