package dev.sharelinks.docs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.webjars.WebJarVersionLocator;

/**
 * What the {@code /docs} page loads, and nothing more: its own script and the spec files, and three files of the
 * Swagger UI webjar. The webjar's stock page ({@code index.html}, which loads a public demo document) and its
 * other files are not served ({@code spring.web.resources.add-mappings=false}: no resource is served that a room
 * did not register).
 */
@Configuration(proxyBeanMethods = false)
class ApiReferenceAssets implements WebMvcConfigurer {

    static final Set<String> SWAGGER_UI_FILES =
            Set.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/docs/**").addResourceLocations("classpath:/static/docs/");
        String version = new WebJarVersionLocator().version("swagger-ui");
        registry.addResourceHandler("/webjars/swagger-ui/*")
                .addResourceLocations("classpath:/META-INF/resources/webjars/swagger-ui/" + version + "/")
                .resourceChain(true)
                .addResolver(new OnlyTheseFiles(SWAGGER_UI_FILES));
    }

    /** Resolves the named files only; anything else under the handler's path is a 404. */
    static final class OnlyTheseFiles extends AbstractResourceResolver {

        private final Set<String> names;

        OnlyTheseFiles(Set<String> names) {
            this.names = names;
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
}
