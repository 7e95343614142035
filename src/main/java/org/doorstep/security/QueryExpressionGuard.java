package org.doorstep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expression syntax in query requests to the engine. Camunda 7.24 CE has a reported
 * expression-injection route through task queries that is fixed only in Enterprise patches; nobody
 * needs ${...} or #{...} in a query, so such a request is refused before the engine parses it.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isQuery(request)) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString() == null ? "" : URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8);
        // Only JSON bodies are read here: reading a form-encoded body would hide its parameters.
        boolean json = request.getContentType() != null && request.getContentType().contains("json");
        CachedBodyRequest cached = json ? CachedBodyRequest.of(request) : null;
        String body = cached == null ? "" : new String(cached.body(), StandardCharsets.UTF_8);
        if (hasExpression(query) || hasExpression(body)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "Expressions (${...} or #{...}) are not allowed in queries");
            return;
        }
        chain.doFilter(json ? cached : request, response);
    }

    private static boolean isQuery(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.contains("/filter") || path.contains("/task") || path.contains("/history")
                || path.contains("/process-instance") || path.contains("/execution") || path.endsWith("/count");
    }

    private static boolean hasExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }
}
