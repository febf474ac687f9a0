package dev.sharelinks.docs;

import dev.sharelinks.platform.web.OnlyTheseFiles;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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
}
