package dev.sharelinks.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The surfaces the rooms registered, and the standard one for every path none of them owns. */
@Component
public class ApiSurfaces {

    /** The service's own APIs, the Anam API, the pages and anything unknown. */
    public static final ApiSurface STANDARD = path -> true;

    private final List<ApiSurface> surfaces;
    private final Set<String> credentialHeaders = new LinkedHashSet<>();

    public ApiSurfaces(List<ApiSurface> surfaces) {
        this.surfaces = List.copyOf(surfaces);
        credentialHeaders.addAll(STANDARD.credentialHeaders());
        surfaces.forEach(surface -> credentialHeaders.addAll(surface.credentialHeaders()));
    }

    public ApiSurface forPath(String path) {
        if (path != null) {
            for (ApiSurface surface : surfaces) {
                if (surface.owns(path)) {
                    return surface;
                }
            }
        }
        return STANDARD;
    }

    public ApiSurface forRequest(HttpServletRequest request) {
        return forPath(RequestPath.of(request));
    }

    /** Every header that carries a credential on some surface. */
    public Set<String> credentialHeaders() {
        return credentialHeaders;
    }
}
