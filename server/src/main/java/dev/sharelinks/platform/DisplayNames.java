package dev.sharelinks.platform;

/**
 * Names people read on pages and in lists (organisations, personas, keys). Bidirectional control characters are
 * refused in them: an invisible U+202E (right-to-left override) makes a name read as something it is not, and HTML escaping does not
 * neutralise it.
 */
public final class DisplayNames {

    private DisplayNames() {}

    /** @throws InvalidInputException when the name carries a bidirectional control character */
    public static String check(String field, String name) {
        if (name != null && name.codePoints().anyMatch(DisplayNames::isBidiControl)) {
            throw new InvalidInputException(field, field + " must not contain bidirectional control characters");
        }
        return name;
    }

    /**
     * Text shown on a page that may carry bidirectional controls (stored documents, names from before they were
     * refused): each control is written as its visible escape, {@code \u202E}, so it cannot reorder what is around.
     */
    public static String neutralized(String text) {
        if (text == null || text.codePoints().noneMatch(DisplayNames::isBidiControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isBidiControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
    static boolean isBidiControl(int c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
