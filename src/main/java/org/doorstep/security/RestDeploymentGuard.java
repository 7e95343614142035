package org.doorstep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In production Doorstep runs only the models packaged in its jar. A model deployed over HTTP can
 * call any Spring bean from its expressions (run SQL, rewrite the audit trail), so deployments
 * through the REST API and the webapps' engine API (Cockpit, Modeler) are refused unless
 * doorstep.security.allow-rest-deployments is switched on. The packaged models are deployed at
 * start-up by the engine itself and are not affected.
 */
class RestDeploymentGuard extends OncePerRequestFilter {

    static final String SWITCH = "doorstep.security.allow-rest-deployments";

    /** create, and redeploy (which copies an earlier deployment's resources into a new one). */
    private static final Pattern DEPLOYING = Pattern.compile("/deployment/(create|[^/]+/redeploy)/*$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equalsIgnoreCase(request.getMethod()) && DEPLOYING.matcher(request.getRequestURI()).find()) {
            ProblemResponses.send(request, response, HttpStatus.FORBIDDEN, """
                    Deployments over HTTP are switched off: Doorstep runs only the models packaged in its jar. \
                    To allow them (development only), set %s=true (environment DOORSTEP_ALLOW_REST_DEPLOYMENTS=true) \
                    and restart.""".formatted(SWITCH));
            return;
        }
        chain.doFilter(request, response);
    }
}
