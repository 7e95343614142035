package org.doorstep.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * An uploaded file read as it arrives and refused with 413 once it passes the limit, whatever
 * Content-Length said, so an oversized upload is never held in memory whole.
 */
public final class BoundedUpload extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    private BoundedUpload(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    /** The request's body, refused at once if it declares more than the limit. */
    public static InputStream of(HttpServletRequest request, DataSize limit, String what) throws IOException {
        BoundedUpload upload = new BoundedUpload(request.getInputStream(), limit.toBytes(), what);
        if (request.getContentLengthLong() > limit.toBytes()) {
            throw upload.tooLarge();
        }
        return upload;
    }

    /** The charset an uploaded text file is declared in; UTF-8, as school systems export, when it names none. */
    public static Charset charset(HttpServletRequest request) {
        return Optional.ofNullable(request.getContentType()).map(MediaType::parseMediaType).map(MediaType::getCharset)
                .orElse(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw tooLarge();
        }
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "The " + what + " is larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB; nothing was imported. Send it"
                        + " in parts, e.g. one school or one week at a time"), null);
    }
}
