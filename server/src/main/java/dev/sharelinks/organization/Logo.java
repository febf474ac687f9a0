package dev.sharelinks.organization;

import dev.sharelinks.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An uploaded logo: PNG, SVG or WebP, at most 256 KB, its type read from its bytes (never from what the uploader
 * said).
 *
 * @param sha256 of the bytes: part of the logo's URL, so a new logo is never served from a cache
 */
public record Logo(String contentType, byte[] bytes, String sha256) {

    public static final int MAX_BYTES = 256 * 1024;
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String WEBP = "image/webp";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** @throws InvalidInputException when the bytes are no PNG, SVG or WebP image, or too many */
    static String typeOf(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new InvalidInputException("image", "image must be a PNG, SVG or WebP file of at most 256 KB");
        }
        if (bytes.length > PNG_SIGNATURE.length && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return PNG;
        }
        if (bytes.length > 12
                && ascii(bytes, 0, 4).equals("RIFF")
                && ascii(bytes, 8, 12).equals("WEBP")) {
            return WEBP;
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        if ((text.startsWith("<svg")
                        || text.startsWith("<?xml")
                        || text.startsWith("<!--")
                        || text.startsWith("<!doctype svg"))
                && text.contains("<svg")) {
            return SVG;
        }
        throw new InvalidInputException("image", "image must be a PNG, SVG or WebP file of at most 256 KB");
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "Logo[" + contentType + ", " + bytes.length + " bytes]";
    }
}
