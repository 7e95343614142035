package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.doorstep.visit.StartParentWait.WaitEnds;
import org.junit.jupiter.api.Test;

/** When the waits at the door end, as the policies count them; the scenarios are in the school tests. */
class StartParentWaitTest {

    static final Instant TEN = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration TWENTY = Duration.ofMinutes(20);
    static final Duration THIRTY = Duration.ofMinutes(30);

    @Test
    void earlyStaffWaitFromTheArrangedTimeThamesView3_4And3_5() {
        WaitEnds ends = WaitEnds.of(TEN, TEN.minus(Duration.ofMinutes(30)), TWENTY, THIRTY);
        assertThat(ends.parentWait()).isEqualTo(TEN.plus(TWENTY));
        assertThat(ends.lateParentWait()).isEqualTo(TEN.plus(THIRTY));
    }

    @Test
    void staffWhoArriveAfterTheArrangedTimeWaitTheFullWaitFromArrivalButTheLateLimitStaysOnTheAppointment() {
        Instant arrival = TEN.plus(Duration.ofMinutes(5));
        WaitEnds ends = WaitEnds.of(TEN, arrival, TWENTY, THIRTY);
        assertThat(ends.parentWait()).isEqualTo(arrival.plus(TWENTY));
        assertThat(ends.lateParentWait()).isEqualTo(TEN.plus(THIRTY));
    }

    @Test
    void theLateWaitNeverEndsBeforeTheFirstOne() {
        Instant arrival = TEN.plus(Duration.ofMinutes(25));
        WaitEnds ends = WaitEnds.of(TEN, arrival, TWENTY, THIRTY);
        assertThat(ends.lateParentWait()).isEqualTo(ends.parentWait()).isEqualTo(arrival.plus(TWENTY));
    }

    @Test
    void aLateLimitEqualToTheWaitAddsNothingLynnfield4() {
        Duration ten = Duration.ofMinutes(10);
        WaitEnds ends = WaitEnds.of(TEN, TEN, ten, ten);
        assertThat(ends.lateParentWait()).isEqualTo(ends.parentWait()).isEqualTo(TEN.plus(ten));
    }

    @Test
    void theClockTimeIsTheSchoolsInSummerToo() {
        assertThat(StartParentWait.clockTime(Instant.parse("2026-06-15T09:20:00Z"))).isEqualTo("10:20");
        assertThat(StartParentWait.clockTime(TEN.plus(TWENTY))).isEqualTo("10:20");
    }
}
