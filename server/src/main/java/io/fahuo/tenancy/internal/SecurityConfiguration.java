package io.fahuo.tenancy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import io.fahuo.tenancy.ApiTokens;
import io.fahuo.tenancy.Users;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Simulators and platform/courier pushes authenticate by their own signatures, not by our tokens. */
    @Bean
    @Order(1)
    SecurityFilterChain externalProtocols(HttpSecurity http) throws Exception {
        http.securityMatcher("/sim/**", "/webhooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**", "/api/v1/docs").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problemUnauthorized()));
        return http.build();
    }

    /**
     * The web console: form login, a session cookie, CSRF protection on every change. Scripts only from this
     * server (no inline script), so text that slipped past escaping still could not run.
     */
    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, PasswordLogin passwordLogin) throws Exception {
        http.securityMatcher("/", "/console", "/console/**", "/login", "/logout", "/assets/**", "/webjars/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(passwordLogin))
                .requestCache(r -> r.requestCache(returnToRequestedPage()))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/console", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                                + "frame-src 'self'; object-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'")));
        return http.build();
    }

    /** The only way to log in with a password; as a bean it also stops Boot from inventing a default user. */
    @Bean
    PasswordLogin passwordLogin(Users users) {
        return new PasswordLogin(users);
    }

    @Bean
    @Order(10)
    SecurityFilterChain everythingElse(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problemUnauthorized()));
        return http.build();
    }

    /** After logging in, back to the page that asked for it, at its own address (no "?continue" marker). */
    private static HttpSessionRequestCache returnToRequestedPage() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    static AuthenticationEntryPoint problemUnauthorized() {
        return (request, response, ex) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Unauthorized","status":401,\
                    "detail":"a valid API token is required (Authorization: Bearer <token>)"}""");
        };
    }
}
