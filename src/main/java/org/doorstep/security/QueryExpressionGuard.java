package org.doorstep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
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

    private static final int MAX_INSPECTED_BODY = 1_000_000;

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
        byte[] body = json ? request.getInputStream().readNBytes(MAX_INSPECTED_BODY) : new byte[0];
        if (hasExpression(query) || hasExpression(new String(body, StandardCharsets.UTF_8))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "Expressions (${...} or #{...}) are not allowed in queries");
            return;
        }
        chain.doFilter(json ? new CachedBodyRequest(request, body) : request, response);
    }

    private static boolean isQuery(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.contains("/filter") || path.contains("/task") || path.contains("/history")
                || path.contains("/process-instance") || path.contains("/execution") || path.endsWith("/count");
    }

    private static boolean hasExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
