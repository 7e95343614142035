package org.doorstep.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.doorstep.workflow.FormValidation;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Which layer guards which path:
 * <ul>
 * <li>Spring Security authenticates every request (form sign-in for people, HTTP Basic for
 * machines) against Camunda's identity service.</li>
 * <li>Camunda's own filters then hand that principal to the engine, so Camunda authorizations
 * decide what each group may see and do in Tasklist, Cockpit, Admin and the REST API.</li>
 * <li>CSRF: the Camunda webapps run their own CSRF filter on /camunda/api; the REST API is
 * stateless Basic; Doorstep's own pages use Spring's token under names that do not collide with
 * Camunda's XSRF-TOKEN cookie.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String ENGINE_REST = "/engine-rest/**";

    @Bean
    @Order(1)
    SecurityFilterChain engineRestApi(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Doorstep");
        return http.securityMatcher(new AntPathRequestMatcher(ENGINE_REST))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Always 401 here, never the sign-in page: callers of the REST API are programs.
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName("DOORSTEP-XSRF");
        csrfTokens.setHeaderName("X-DOORSTEP-XSRF");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/favicon.ico").permitAll()
                        // Load balancers and orchestrators probe health without credentials; details,
                        // metrics and the API description are for administrators (docs/operations.md).
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .hasAuthority(Roles.authority(Roles.CAMUNDA_ADMIN))
                        // Camunda guards its Cockpit and Admin plugin APIs only by "signed in to the engine";
                        // application access is decided here, per group.
                        .requestMatchers("/camunda/api/admin/auth/**").authenticated()
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/**")
                                .hasAuthority(Roles.authority(Roles.CAMUNDA_ADMIN))
                        .requestMatchers("/camunda/app/cockpit/**", "/camunda/api/cockpit/**")
                                .hasAnyAuthority(cockpitAuthorities())
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                // Machines may call Doorstep's API with Basic credentials; people use the session.
                .httpBasic(withDefaults())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**"),
                                new AntPathRequestMatcher("/v3/api-docs/**"))))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers("/camunda/**")
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    private static String[] cockpitAuthorities() {
        return Stream.concat(Roles.MONITORING_GROUPS.stream(), Stream.of(Roles.CAMUNDA_ADMIN))
                .map(Roles::authority).toArray(String[]::new);
    }

    /** Hands the Spring principal to the engine for each REST call, so Camunda authorizations apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        return withContainerAuthentication(registration(new ProcessEngineAuthenticationFilter(), 10, "/engine-rest/*"));
    }

    /** Signs the Spring principal into the Camunda webapps' session: one sign-in for everything. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        return withContainerAuthentication(registration(new ContainerBasedAuthenticationFilter(), 10, "/camunda/*"));
    }

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        return registration(new QueryExpressionGuard(), 5, "/engine-rest/*", "/camunda/api/*");
    }

    /** Completing a task sets only its form's fields, through the REST API and Tasklist alike. */
    @Bean
    FilterRegistrationBean<FormFieldGuard> formFieldGuard(FormValidation forms, SchoolAccess schools,
            ProcessEngineConfigurationImpl engine, ObjectMapper json) {
        return registration(new FormFieldGuard(forms, schools, engine, json), 6, "/engine-rest/*", "/camunda/api/engine/*");
    }

    /** Registers a filter to run after Spring Security, which must have found the principal first. */
    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int afterSpringSecurity,
            String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + afterSpringSecurity);
        return registration;
    }

    /** Camunda's provider reads the principal that Spring Security put on the request. */
    private static <F extends Filter> FilterRegistrationBean<F> withContainerAuthentication(FilterRegistrationBean<F> registration) {
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        return registration;
    }
}
