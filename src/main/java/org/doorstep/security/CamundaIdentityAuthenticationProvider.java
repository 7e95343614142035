package org.doorstep.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service, so that users and groups live in one place
 * (Admin) and Tasklist can assign work by group. Spring Security then carries the sign-in to
 * Tasklist, Cockpit, Admin, the REST API and Doorstep's own pages alike. Guessing is slowed per
 * source address and username ({@link SignInThrottle}); the engine's own per-user delay is off.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String source = sourceOf(authentication);
        throttle.waitBeforeNextTry(source, username).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        if (!identityService.checkPassword(username, credentials.toString())) {
            throttle.failed(source, username);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        throttle.succeeded(source, username);
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId)
                .map(Roles::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    /**
     * The client's address as the servlet container reports it: the peer, or the X-Forwarded-For
     * address only when server.forward-headers-strategy trusts the proxy that sent it.
     */
    private static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
