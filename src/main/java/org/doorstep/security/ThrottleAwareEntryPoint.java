package org.doorstep.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers a throttled HTTP Basic sign-in with 429 and Retry-After; any other failure as before. */
class ThrottleAwareEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint otherwise;

    ThrottleAwareEntryPoint(AuthenticationEntryPoint otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            ProblemResponses.send(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
            return;
        }
        otherwise.commence(request, response, failure);
    }
}
