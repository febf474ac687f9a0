/**
 * The HTTP edge every room shares: one error shape per surface ({@link dev.sharelinks.platform.web.ApiSurface}),
 * the exception handler of last resort, Tomcat's own errors as JSON, request filters (request id and log line, body
 * size, NUL), the wire mapping rules and the public pages' frame.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.sharelinks.platform.web;
