package org.doorstep.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.api.Problems;
import org.doorstep.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * One-time links with which a user sets their own password, so that nobody (the importer, the
 * administrator, a default) ever knows it. A link carries a random token; only its hash is stored;
 * it works once, until it expires, and a newer link or the user's deactivation withdraws it.
 * Wrong tokens are throttled per source address like wrong passwords ({@link SignInThrottle}).
 */
@Service
public class PasswordLinks {

    /** The throttle's "username" for token guesses: a space, so no Camunda user id can share it. */
    static final String GUESSES = "password link";

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final SignInThrottle throttle;
    private final Duration validFor;

    PasswordLinks(JdbcClient jdbc, IdentityService identityService, SignInThrottle throttle,
            @Value("${doorstep.security.password-link-valid-for}") Duration validFor) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.throttle = throttle;
        this.validFor = validFor;
    }

    /** A new link for the user; their earlier links stop working. The token is returned once, never stored. */
    @Transactional
    public Issued issue(String userId, String issuedBy) {
        withdraw(userId);
        String token = LinkToken.newToken();
        Instant now = EngineClock.now();
        Instant expiresAt = now.plus(validFor);
        jdbc.sql("INSERT INTO password_link (token_hash, user_id, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(LinkToken.hash(token), userId, issuedBy, Timestamp.from(now), Timestamp.from(expiresAt)).update();
        return new Issued(userId, token, expiresAt);
    }

    /** Every unused link of the user stops working (a newer one was issued, or they left). */
    @Transactional
    public void withdraw(String userId) {
        jdbc.sql("UPDATE password_link SET spent_at = ? WHERE user_id = ? AND spent_at IS NULL")
                .params(Timestamp.from(EngineClock.now()), userId).update();
    }

    /** Whose link this is, for the set-password page to greet them with their username. */
    public Holder holder(String source, String token) {
        LinkToken.Stored link = usable(source, token);
        User user = identityService.createUserQuery().userId(link.userId()).singleResult();
        return new Holder(link.userId(), user == null ? link.userId() : user.getFirstName() + " " + user.getLastName(),
                link.expiresAt());
    }

    /**
     * Sets the password of the link's user if it meets the password rules, and spends the link;
     * returns the user id. A refused password leaves the link usable.
     */
    @Transactional
    public String setPassword(String source, String token, String password) {
        LinkToken.Stored link = usable(source, token);
        User user = identityService.createUserQuery().userId(link.userId()).singleResult();
        if (user == null) {
            throw refused(HttpStatus.GONE, "The account this link was for no longer exists");
        }
        if (password == null || password.isEmpty()) {
            throw Problems.badField("password", "Choose a password");
        }
        PasswordPolicyResult check = identityService.checkPasswordAgainstPolicy(password, user);
        if (!check.isValid()) {
            throw Problems.badField("password", "Password refused: " + PasswordRules.explain(check.getViolatedRules()));
        }
        int spent = jdbc.sql("UPDATE password_link SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL")
                .params(Timestamp.from(EngineClock.now()), LinkToken.hash(token)).update();
        if (spent == 0) {
            throw refused(HttpStatus.GONE, "This link has already been used; sign in with your password, or ask your school for a new link");
        }
        user.setPassword(password);
        identityService.saveUser(user);
        throttle.succeeded(source, GUESSES);
        return user.getId();
    }

    /** The stored link behind the token, if it may still be used; a wrong token counts as a guess. */
    private LinkToken.Stored usable(String source, String token) {
        throttle.waitBeforeNextTry(source, GUESSES).ifPresent(wait -> {
            ErrorResponseException slowDown = refused(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many wrong links from your address; try again in " + Math.max(1, wait.toSeconds()) + " seconds");
            slowDown.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            throw slowDown;
        });
        Optional<LinkToken.Stored> stored = LinkToken.wellFormed(token) ? jdbc.sql(
                        "SELECT user_id, expires_at, spent_at FROM password_link WHERE token_hash = ?")
                .param(LinkToken.hash(token)).query(LinkToken.Stored.class).optional() : Optional.empty();
        LinkToken.State state = stored.map(link -> link.state(EngineClock.now())).orElse(null);
        if (state == LinkToken.State.USABLE) {
            return stored.get();
        }
        throttle.failed(source, GUESSES);
        if (state == null) {
            throw Problems.badField("token", "This link is not known: check that you opened the whole link, or ask your school for a new one");
        }
        throw refused(HttpStatus.GONE, state == LinkToken.State.EXPIRED
                ? "This link has expired; ask your school for a new one"
                : "This link has already been used or was replaced by a newer one; sign in with your password, or ask your school for a new link");
    }

    private static ErrorResponseException refused(HttpStatus status, String detail) {
        return new ErrorResponseException(status, Problems.problem(status, detail), null);
    }

    /** A link just issued: the token appears here and in the link sent to the user, nowhere else. */
    public record Issued(String userId, String token, Instant expiresAt) {
    }

    public record Holder(String userId, String name, Instant expiresAt) {
    }
}
