package dev.sharelinks.platform.config;

import dev.sharelinks.platform.web.ApiSurfaces;
import dev.sharelinks.platform.web.JsonErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TomcatConfig {

    /**
     * Errors Tomcat answers on its own (before Spring) come out as JSON too, not as Tomcat's HTML page. The host
     * adds a valve of its error-report class only when its pipeline has none of that class yet: ours is in place
     * first, with the surfaces it needs.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(ApiSurfaces surfaces) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new JsonErrorReportValve(surfaces));
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }
}
