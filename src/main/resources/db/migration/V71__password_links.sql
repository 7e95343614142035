-- One-time links with which a new user sets their own password: there is no default password.
-- Only a SHA-256 hash of the token is kept, so the table cannot be used to take over an account.
CREATE TABLE password_link (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    issued_by    VARCHAR(64)  NOT NULL,
    issued_at    TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    -- set when the link was used, or when a newer link or the user's deactivation withdrew it
    spent_at     TIMESTAMP
);
CREATE INDEX password_link_user ON password_link (user_id);
