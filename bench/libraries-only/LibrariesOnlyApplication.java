import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's libraries without the server's code: bench/bench.py compiles this class against the extracted
 * server jar and runs it with that jar's classpath and application.yml. Spring Boot auto-configures what the
 * libraries bring (Spring Security, Actuator with Prometheus, Micrometer observations, HikariCP, Flyway
 * migrating the server's schema on H2, Hibernate Validator, Jackson); none of the server's own beans exist.
 * It answers the bare endpoint's constant JSON, so its start-up and its rate show what the libraries cost
 * before any code of ours runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@RestController
public class LibrariesOnlyApplication {

    private static final Map<String, Object> BODY = new LinkedHashMap<>();

    static {
        BODY.put("personaId", "3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
        BODY.put("personaName", "Support persona");
        BODY.put("type", "LINK");
        BODY.put("available", true);
        BODY.put("reason", null);
        BODY.put("removeWatermark", false);
        BODY.put("remainingUses", 1000);
        BODY.put("expiresAt", "2036-04-27T10:00:00.000Z");
    }

    public static void main(String[] args) {
        SpringApplication.run(LibrariesOnlyApplication.class, args);
    }

    /** Spring Security's filter chain configured as the server's chain for its public pages (SecurityConfig). */
    @Bean
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frameOptions -> frameOptions.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @GetMapping("/constant")
    Map<String, Object> constant() {
        return BODY;
    }
}
