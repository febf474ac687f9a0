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

import dev.sharelinks.bench.ConstantAnswer;

/**
 * The server's libraries without the server's code: bench/bench.py compiles this class against the extracted
 * server jar and runs it with that jar's classpath and application.yml. Spring Boot auto-configures what the
 * libraries bring (Spring Security, Actuator with Prometheus, Micrometer observations, HikariCP, Flyway
 * migrating the server's schema on H2, Hibernate Validator, Jackson); none of the server's own beans exist.
 * It answers the bare endpoint's constant JSON (ConstantAnswer, from bench/baseline's classes), so its start-up
 * and its rate show what the libraries cost before any code of ours runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@RestController
public class LibrariesOnlyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibrariesOnlyApplication.class, args);
    }

    /**
     * Spring Security's filter chain configured as the server's chain for its public pages (SecurityConfig's
     * settings, written out here because this application must not load any class of the server's).
     */
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
        return ConstantAnswer.BODY;
    }
}
