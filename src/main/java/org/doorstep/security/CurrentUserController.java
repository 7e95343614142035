package org.doorstep.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in and in which groups: Doorstep's pages show each role only its own doors. */
@RestController
class CurrentUserController {

    @GetMapping("/api/me")
    Me me(Authentication authentication, CsrfToken csrf) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .sorted()
                .toList();
        return new Me(authentication.getName(), groups, csrf.getHeaderName(), csrf.getToken());
    }

    /** Also hands Doorstep's pages the CSRF header and token they send with every change. */
    record Me(String userId, List<String> groups, String csrfHeader, String csrfToken) {
    }
}
