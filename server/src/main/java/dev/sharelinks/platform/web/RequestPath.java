package dev.sharelinks.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path of a request within the application, the one every filter decides by. */
public final class RequestPath {

    private RequestPath() {}

    public static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
