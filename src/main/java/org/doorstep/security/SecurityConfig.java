package org.doorstep.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.doorstep.workflow.FormValidation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
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
 * Camunda's XSRF-TOKEN cookie. Only a Basic-authenticated call without a session may leave the
 * token out: anything a browser's session cookie authenticates needs it.</li>
 * <li>Passwords are checked only by {@link CamundaIdentityAuthenticationProvider}, which throttles
 * guessing; Camunda's other password-checking endpoints are closed.</li>
 * <li>Headers: Doorstep's pages get Spring's Content-Security-Policy; the Camunda webapps (which need
 * eval and their nonce) get Camunda's own (camunda.bpm.webapp.header-security). HSTS on every
 * secure request, Referrer-Policy everywhere.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String ENGINE_REST = "/engine-rest/**";

    /** Doorstep's pages (and Spring's sign-in page) keep every script and style in files of their own. */
    static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Swagger UI (springdoc's OpenAPI page) styles elements inline as it renders them. */
    static final String API_DOCS = "/swagger-ui/**";
    static final String API_DOCS_CSP = PAGES_CSP.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    /** JSON only: nothing on the REST API is ever rendered as a page. */
    static final String REST_CSP = "default-src 'none'; frame-ancestors 'none'";

    /**
     * Endpoints that check a password outside the throttled sign-in: the REST API's "verify user"
     * and the webapps' own login form (Doorstep's single sign-in replaces it).
     */
    static final String REST_VERIFY_USER = "/engine-rest/identity/verify";
    static final String[] WEBAPP_PASSWORD_CHECKS = {"/camunda/api/engine/engine/*/identity/verify",
            "/camunda/api/admin/auth/user/*/login/**"};

    /** The set-password page and its API, for people who cannot sign in yet. */
    static final String PASSWORD_LINK_API = "/api/password-links/*";
    static final String[] SET_PASSWORD_PATHS = {"/set-password", "/set-password.html", "/js/set-password.js", PASSWORD_LINK_API};

    private static final long ONE_YEAR_IN_SECONDS = 31_536_000;

    @Bean
    @Order(1)
    SecurityFilterChain engineRestApi(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint challenge = basicChallenge();
        return http.securityMatcher(new AntPathRequestMatcher(ENGINE_REST))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(new AntPathRequestMatcher(REST_VERIFY_USER)).denyAll()
                        .anyRequest().authenticated())
                // Always 401 here, never the sign-in page: callers of the REST API are programs.
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: a browser's session cookie never authenticates here, so there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(REST_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR_IN_SECONDS).includeSubDomains(false)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName("DOORSTEP-XSRF");
        csrfTokens.setHeaderName("X-DOORSTEP-XSRF");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/favicon.ico").permitAll()
                        // A new user has no password yet: the one-time link is their credential (PasswordLinks).
                        .requestMatchers(SET_PASSWORD_PATHS).permitAll()
                        // Load balancers and orchestrators probe health without credentials; details,
                        // metrics and the API description are for administrators (docs/operations.md).
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .hasAuthority(Roles.authority(Roles.CAMUNDA_ADMIN))
                        .requestMatchers(WEBAPP_PASSWORD_CHECKS).denyAll()
                        // Camunda guards its Cockpit and Admin plugin APIs only by "signed in to the engine";
                        // application access is decided here, per group.
                        .requestMatchers("/camunda/api/admin/auth/**").authenticated()
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/**")
                                .hasAuthority(Roles.authority(Roles.CAMUNDA_ADMIN))
                        .requestMatchers("/camunda/app/cockpit/**", "/camunda/api/cockpit/**")
                                .hasAnyAuthority(cockpitAuthorities())
                        .anyRequest().authenticated())
                // Doorstep's own sign-in page (SignInPage); a GET /logout is a page asking to confirm (web.SignOutPage).
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                // Machines may call Doorstep's API with Basic credentials; people use the session.
                .httpBasic(basic -> basic.authenticationEntryPoint(basicChallenge()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfig::refuse).defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**"),
                                new AntPathRequestMatcher("/v3/api-docs/**"),
                                // The webapps' scripts answer a 401 by sending the browser to a sign-in (WebappSignOut).
                                new AntPathRequestMatcher("/camunda/api/**"))))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers("/camunda/**")
                        // No session or cookie authenticates these: the token in the body does, so nothing can be forged.
                        .ignoringRequestMatchers(PASSWORD_LINK_API)
                        .ignoringRequestMatchers(SecurityConfig::basicWithoutSession))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(
                                        new AntPathRequestMatcher("/camunda/**"), new AntPathRequestMatcher(API_DOCS))),
                                new ContentSecurityPolicyHeaderWriter(PAGES_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new AntPathRequestMatcher(API_DOCS),
                                new ContentSecurityPolicyHeaderWriter(API_DOCS_CSP)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Spring writes HSTS only on secure requests (TLS, or a trusted proxy's X-Forwarded-Proto).
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR_IN_SECONDS).includeSubDomains(false)))
                .build();
    }

    /**
     * A machine's call: Basic credentials and no session. A browser attaches its session cookie to
     * a forged request by itself, whatever other headers the page adds, so such a call needs the token.
     */
    static boolean basicWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null;
    }

    /** As Spring's own refusal, but the error page learns why (a form sent without its token is not a role refused). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    private static AuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Doorstep");
        return new ThrottleAwareEntryPoint(challenge);
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

    /** The webapps' own "Log out" ends the whole session, Doorstep's included. */
    @Bean
    FilterRegistrationBean<WebappSignOut> webappSignOut() {
        return registration(new WebappSignOut(), 11, WebappSignOut.PATHS);
    }

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        return registration(new QueryExpressionGuard(), 5, "/engine-rest/*", "/camunda/api/*");
    }

    @Bean
    FilterRegistrationBean<RestDeploymentGuard> restDeploymentGuard(
            @Value("${" + RestDeploymentGuard.SWITCH + ":false}") boolean restDeploymentsAllowed) {
        FilterRegistrationBean<RestDeploymentGuard> registration =
                registration(new RestDeploymentGuard(), 5, "/engine-rest/*", "/camunda/api/*");
        registration.setEnabled(!restDeploymentsAllowed);
        return registration;
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
