package dev.sharelinks.platform.security;

import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.web.ApiSurfaces;
import dev.sharelinks.platform.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * One filter chain per kind of caller: the operator (admin token), organisations (API keys on the vendor
 * surfaces), and everyone else (public pages, whose credential is the share token in the URL).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /**
     * No Spring Security observations: with a registry present it wraps every filter of every chain in an
     * observation of its own (the request's own, http.server.requests, stays). A status read's profile spent a
     * good part of its time in them — hashing the observation names' property lookups and tags (#20).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The operator console: a session after signing in with the admin token through a form (CSRF-protected, like
     * every form of the console), an idle timeout, sign-out. Refused sign-ins answer 401 and count against the
     * client's failure limit like a wrong bearer token ({@link RateLimitFilter}).
     */
    @Bean
    @Order(0)
    SecurityFilterChain operatorConsole(HttpSecurity http, ShareLinksProperties properties, SecurityMetrics metrics)
            throws Exception {
        int idleSeconds = (int) properties.console().idleTimeout().toSeconds();
        return http.securityMatcher("/console", "/console/**")
                .authenticationProvider(new ConsoleSignIn(properties, metrics))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/console/sign-in", CONSOLE_REFUSED, "/console/assets/**")
                                .permitAll()
                                .anyRequest()
                                .hasRole("ADMIN"))
                .formLogin(form -> form.loginPage("/console/sign-in")
                        .loginProcessingUrl("/console/sign-in")
                        .passwordParameter("token")
                        .successHandler((request, response, authentication) -> {
                            CredentialCheck.accepted(request);
                            request.getSession().setMaxInactiveInterval(idleSeconds);
                            response.sendRedirect(request.getContextPath() + "/console");
                        })
                        .failureHandler((request, response, refused) -> {
                            request.setAttribute(ConsoleSignIn.REFUSAL, refused.getMessage());
                            request.getRequestDispatcher(CONSOLE_REFUSED).forward(request, response);
                        }))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl("/console/sign-in?signed-out"))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Where a refused sign-in is forwarded to be told so (with a 401). */
    public static final String CONSOLE_REFUSED = "/console/sign-in/refused";

    @Bean
    @Order(1)
    SecurityFilterChain operatorApi(
            HttpSecurity http, ShareLinksProperties properties, ErrorResponses errors, SecurityMetrics metrics)
            throws Exception {
        return stateless(http, errors, request -> "Missing admin token")
                // the operator API, and the actuator apart from health (probes must be reachable by the platform)
                .securityMatcher("/admin/**", "/actuator/**")
                .addFilterBefore(new AdminTokenFilter(properties, metrics), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vendorApis(
            HttpSecurity http,
            ApiKeyVerifier apiKeys,
            ApiSurfaces surfaces,
            ErrorResponses errors,
            SecurityMetrics metrics)
            throws Exception {
        return stateless(http, errors, request -> surfaces.forRequest(request).missingApiKey())
                .securityMatcher(
                        "/v1/share-links",
                        "/v1/share-links/**",
                        "/v1/personas/**",
                        "/v1/usage",
                        "/v1/webhook-endpoints",
                        "/v1/webhook-endpoints/**",
                        "/test_framework/**")
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(apiKeys, surfaces, metrics), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // a Cekura shareable-link token opens result reads, nothing else
                        .requestMatchers(
                                HttpMethod.GET,
                                "/test_framework/v1/results/*/",
                                "/test_framework/v1/results-external/*/")
                        .hasAnyRole("API_KEY", "RESULT_TOKEN")
                        .anyRequest()
                        .hasRole("API_KEY"))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, ErrorResponses errors) throws Exception {
        return stateless(http, errors, request -> "Authentication required")
                // pages decide themselves who may frame them (CSP frame-ancestors; X-Frame-Options where nobody may)
                .headers(headers -> headers.frameOptions(frameOptions -> frameOptions.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    private static HttpSecurity stateless(
            HttpSecurity http, ErrorResponses errors, Function<HttpServletRequest, String> missingMessage)
            throws Exception {
        AuthenticationFailures failures = new AuthenticationFailures(errors, missingMessage);
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(failures)
                        .accessDeniedHandler(
                                (request, response, denied) -> failures.commence(request, response, null)));
    }
}
