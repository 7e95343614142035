package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a one-time set-password link, without a database. */
class LinkTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(72));

    @Test
    void aTokenIs256RandomBitsInAUrlSafeForm() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkToken.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(LinkToken.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).as("no token repeats").hasSize(1000);
    }

    @Test
    void onlyAHashOfTheTokenIsKeptAndItNamesThatTokenAlone() {
        String token = LinkToken.newToken();
        String hash = LinkToken.hash(token);
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(LinkToken.hash(token)).as("the same token finds its link again").isEqualTo(hash);
        assertThat(LinkToken.hash(LinkToken.newToken())).isNotEqualTo(hash);
    }

    @Test
    void textThatCannotBeATokenIsNotLookedUp() {
        assertThat(LinkToken.wellFormed(null)).isFalse();
        assertThat(LinkToken.wellFormed("")).isFalse();
        assertThat(LinkToken.wellFormed("' OR 1=1 --")).isFalse();
        assertThat(LinkToken.wellFormed(LinkToken.newToken() + "x")).isFalse();
    }

    @Test
    void aLinkWorksUntilItExpiresAndNotAfter() {
        LinkToken.Stored link = new LinkToken.Stored("new-teacher", EXPIRES, null);
        assertThat(link.state(ISSUED)).isEqualTo(LinkToken.State.USABLE);
        assertThat(link.state(EXPIRES.minusSeconds(1))).isEqualTo(LinkToken.State.USABLE);
        assertThat(link.state(EXPIRES)).isEqualTo(LinkToken.State.EXPIRED);
    }

    @Test
    void aLinkWorksOnceAUsedOrWithdrawnLinkIsSpentEvenBeforeItExpires() {
        LinkToken.Stored spent = new LinkToken.Stored("new-teacher", EXPIRES, ISSUED.plusSeconds(60));
        assertThat(spent.state(ISSUED.plusSeconds(120))).isEqualTo(LinkToken.State.SPENT);
        assertThat(spent.state(EXPIRES.plusSeconds(1))).as("spent is said before expired").isEqualTo(LinkToken.State.SPENT);
    }
}
