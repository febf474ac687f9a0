package dev.sharelinks.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's Content-Security-Policy: nothing but this server's stylesheet, images and scripts (files, never inline),
 * plus exactly the other origins a page needs (the Anam SDK and API, a recording's host), and who may frame it.
 *
 * @param frameAncestors CSP source list of who may frame the page; {@code 'none'} also sends X-Frame-Options
 */
public record Csp(
        List<String> scripts,
        List<String> connections,
        List<String> media,
        List<String> images,
        String frameAncestors) {

    public static final Csp NOT_FRAMED = new Csp(List.of(), List.of(), List.of(), List.of(), "'none'");

    public Csp withScripts(String... origins) {
        return new Csp(plus(scripts, origins), connections, media, images, frameAncestors);
    }

    public Csp withConnections(String... origins) {
        return new Csp(scripts, plus(connections, origins), media, images, frameAncestors);
    }

    public Csp withMedia(String... origins) {
        return new Csp(scripts, connections, plus(media, origins), images, frameAncestors);
    }

    public Csp withImages(String... origins) {
        return new Csp(scripts, connections, media, plus(images, origins), frameAncestors);
    }

    public Csp framedBy(String ancestors) {
        return new Csp(scripts, connections, media, images, ancestors);
    }

    boolean unframable() {
        return "'none'".equals(frameAncestors);
    }

    String header() {
        return "default-src 'none'; style-src 'self'"
                + "; img-src 'self' data:" + joined(images)
                + "; script-src 'self'" + joined(scripts)
                + "; connect-src 'self'" + joined(connections)
                + (media.isEmpty() ? "" : "; media-src" + joined(media))
                + "; base-uri 'none'; form-action 'none'"
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
