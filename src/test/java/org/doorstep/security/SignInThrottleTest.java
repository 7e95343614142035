package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guessing is slowed per (address, username); nobody else's sign-in is touched. */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle();

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    @BeforeEach
    void fixTheClock() {
        ClockUtil.setCurrentTime(Date.from(START));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void theFirstFewMistakesCostNothing() {
        failTimes("10.0.0.1", "head", SignInThrottle.FREE_FAILURES);
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "head")).isEmpty();
    }

    @Test
    void eachFurtherMistakeDoublesTheWaitUpToFifteenMinutes() {
        assertThat(SignInThrottle.waitAfter(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.waitAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.waitAfter(10)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.waitAfter(100)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void mistakesFromOneAddressNeverDelayTheSameUserElsewhereNorAnotherUserThere() {
        failTimes("10.0.0.1", "head", 10);
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "head")).hasValue(Duration.ofSeconds(16));
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "HEAD")).as("same user in other case").isPresent();
        assertThat(throttle.waitBeforeNextTry("10.0.0.2", "head")).isEmpty();
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "office")).isEmpty();
    }

    @Test
    void theWaitEndsAndASuccessForgetsTheCount() {
        failTimes("10.0.0.1", "head", 7);
        ClockUtil.setCurrentTime(Date.from(START.plusSeconds(2)));
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "head")).isEmpty();
        throttle.succeeded("10.0.0.1", "head");
        throttle.failed("10.0.0.1", "head");
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "head")).as("one mistake after a success").isEmpty();
    }

    @Test
    void anHourWithoutMistakesForgetsThem() {
        failTimes("10.0.0.1", "head", 8);
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofHours(2))));
        throttle.failed("10.0.0.1", "head");
        assertThat(throttle.waitBeforeNextTry("10.0.0.1", "head")).isEmpty();
    }

    private void failTimes(String source, String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(source, username);
        }
    }
}
