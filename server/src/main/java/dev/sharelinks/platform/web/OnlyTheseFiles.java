package dev.sharelinks.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Resolves the named files only; anything else under a resource handler's path is a 404. For webjars, of which a
 * page needs one or three files, not the demo pages and sources beside them.
 */
public final class OnlyTheseFiles extends AbstractResourceResolver {

    private final Set<String> names;

    public OnlyTheseFiles(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    @Override
    protected Resource resolveResourceInternal(
            HttpServletRequest request,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return names.contains(requestPath) ? chain.resolveResource(request, requestPath, locations) : null;
    }

    @Override
    protected String resolveUrlPathInternal(
            String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return names.contains(resourceUrlPath) ? chain.resolveUrlPath(resourceUrlPath, locations) : null;
    }
}
