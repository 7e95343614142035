package org.doorstep.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules of a one-time set-password link: 256 random bits, URL-safe, kept only as a hash, usable
 * once and until it expires.
 */
final class LinkToken {

    static final int RANDOM_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkToken() {
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a token at all: anything else is refused without a database look-up. */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** What the database keeps instead of the token: its SHA-256, in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    enum State {
        USABLE, SPENT, EXPIRED
    }

    /** A stored link: whose, until when, and when it was used or withdrawn (null while it is not). */
    record Stored(String userId, Instant expiresAt, Instant spentAt) {

        State state(Instant now) {
            if (spentAt != null) {
                return State.SPENT;
            }
            return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
        }
    }
}
