package io.slotbridge.console.config;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Everyone must log in (form login with users from configuration, or OIDC when a client
 * registration is configured); viewers read, operators also act (every POST, connect links, bulk replay preview).
 * CSRF protection stays on for every form; pages may load scripts and styles from the console only.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt only: no {noop}, no legacy encoders that would accept a plain password
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    UserDetailsService consoleUsers(ConsoleProperties properties, ObjectProvider<ClientRegistrationRepository> oidc) {
        if (properties.users().isEmpty() && oidc.getIfAvailable() == null) {
            throw new IllegalStateException("no console users: add slotbridge.console.users (user name, bcrypt "
                    + "password-hash, role viewer|operator) or configure an OIDC client registration; "
                    + ConsoleUsers.HOW_TO_HASH);
        }
        return ConsoleUsers.from(properties.users());
    }

    @Bean
    SecurityFilterChain console(
            HttpSecurity http, ConsoleProperties properties, ObjectProvider<ClientRegistrationRepository> oidc)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("health", "prometheus", "info"))
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/connections/*/connect/*", "/dead-letters/replay-matching")
                        .hasRole(ConsoleRole.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/**")
                        .hasRole(ConsoleRole.OPERATOR.name())
                        .anyRequest()
                        .hasRole(ConsoleRole.VIEWER.name()))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcRoles(properties.oidc()))));
        }
        return http.build();
    }

    /**
     * Not signed in: browsers go to the login form; a live-refresh request (htmx) after the session expired gets 401
     * with {@code HX-Redirect}, so htmx loads the login page instead of pasting it into a fragment.
     */
    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint htmx = (request, response, exception) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(new RequestHeaderRequestMatcher("HX-Request"), htmx);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entryPoint;
    }
}
