package dev.sharelinks.console;

import dev.sharelinks.platform.web.OnlyTheseFiles;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * What the console's pages load from {@code /console/assets/}: its stylesheet and script, and ECharts' one minified
 * file from its webjar; any other name there is a 404 (the rest of the webjar is not served).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebMvcConfigurer {

    static final Set<String> FILES = Set.of("console.css", "console.js", "echarts.min.js");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String echarts = new WebJarVersionLocator().version("echarts");
        registry.addResourceHandler("/console/assets/*")
                .addResourceLocations(
                        "classpath:/static/console/",
                        "classpath:/META-INF/resources/webjars/echarts/" + echarts + "/dist/")
                .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .resourceChain(true)
                .addResolver(new OnlyTheseFiles(FILES));
    }
}
