package org.doorstep.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A request whose body a guard has read to inspect it, and which hands the same bytes on to the
 * engine. Bodies are read up to {@link #MAX_INSPECTED_BODY}; nothing Doorstep's forms or queries
 * send comes near it.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    static final int MAX_INSPECTED_BODY = 1_000_000;

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    static CachedBodyRequest of(HttpServletRequest request) throws IOException {
        return new CachedBodyRequest(request, request.getInputStream().readNBytes(MAX_INSPECTED_BODY));
    }

    byte[] body() {
        return body;
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
