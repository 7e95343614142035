package org.doorstep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's, Cockpit's and Admin's own "Log out" (POST /camunda/api/admin/auth/user/{engine}/logout)
 * removes only the webapp's record of the user, and the next request would sign them straight back in
 * from Doorstep's session. On a shared office PC "Log out" must mean it: once the webapp has accepted
 * the call (its own CSRF check passed), Doorstep's sign-out runs too and the session ends. The webapp
 * then routes to its own sign-in form, which sends the browser to Doorstep's (webapp-sign-out.js).
 */
class WebappSignOut extends OncePerRequestFilter {

    static final String PATHS = "/camunda/api/admin/auth/user/*";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < 300) {
            // Spring Security's request wrapper runs the same handlers as POST /logout: the session is invalidated.
            request.logout();
        }
    }
}
