package dev.sharelinks.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's Content-Security-Policy: nothing but this server's stylesheet, images and scripts (files, never inline),
 * plus exactly the other origins a page needs (the Anam SDK and API, a recording's or logo's host), and who may
 * frame it.
 *
 * @param frameAncestors CSP source list of who may frame the page; {@code 'none'} also sends X-Frame-Options
 * @param inlineStyles   inline styles allowed (only for a library that sets styles on its elements)
 * @param forms          the page's forms may post to this server ({@code form-action 'self'}); otherwise none may
 */
public record Csp(
        List<String> scripts,
        List<String> connections,
        List<String> media,
        List<String> images,
        String frameAncestors,
        boolean inlineStyles,
        boolean forms) {

    public static final Csp NOT_FRAMED = new Csp(List.of(), List.of(), List.of(), List.of(), "'none'", false, false);

    public Csp withScripts(String... origins) {
        return new Csp(plus(scripts, origins), connections, media, images, frameAncestors, inlineStyles, forms);
    }

    public Csp withConnections(String... origins) {
        return new Csp(scripts, plus(connections, origins), media, images, frameAncestors, inlineStyles, forms);
    }

    public Csp withMedia(String... origins) {
        return new Csp(scripts, connections, plus(media, origins), images, frameAncestors, inlineStyles, forms);
    }

    public Csp withImages(String... origins) {
        return new Csp(scripts, connections, media, plus(images, origins), frameAncestors, inlineStyles, forms);
    }

    public Csp framedBy(String ancestors) {
        return new Csp(scripts, connections, media, images, ancestors, inlineStyles, forms);
    }

    /** For a page whose library sets styles on its elements (Swagger UI): inline styles, still no inline script. */
    public Csp withInlineStyles() {
        return new Csp(scripts, connections, media, images, frameAncestors, true, forms);
    }

    /** For a page with forms (the operator console): they post to this server, nowhere else. */
    public Csp withForms() {
        return new Csp(scripts, connections, media, images, frameAncestors, inlineStyles, true);
    }

    boolean unframable() {
        return "'none'".equals(frameAncestors);
    }

    String header() {
        return "default-src 'none'; style-src 'self'" + (inlineStyles ? " 'unsafe-inline'" : "")
                + "; img-src 'self' data:" + joined(images)
                + "; font-src 'self' data:"
                + "; script-src 'self'" + joined(scripts)
                + "; connect-src 'self'" + joined(connections)
                + (media.isEmpty() ? "" : "; media-src" + joined(media))
                + "; base-uri 'none'; form-action " + (forms ? "'self'" : "'none'")
                + "; frame-ancestors " + frameAncestors;
    }

    private static String joined(List<String> origins) {
        return origins.isEmpty() ? "" : " " + String.join(" ", origins);
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
