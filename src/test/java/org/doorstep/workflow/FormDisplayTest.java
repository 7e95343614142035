package org.doorstep.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Forms show times on the school's clock, waits in minutes and Yes or No: never UTC ISO, PT20M or false. */
class FormDisplayTest {

    @Test
    void aMomentInBritishSummerTimeIsShownAnHourAheadOfUtc() {
        assertThat(FormDisplay.dayAndTime(Instant.parse("2026-06-15T10:00:00Z"))).isEqualTo("Mon 15 Jun, 11:00");
        assertThat(FormDisplay.time(Instant.parse("2026-06-15T10:20:00Z"))).isEqualTo("11:20");
    }

    @Test
    void aMomentInWinterIsShownAsUtc() {
        assertThat(FormDisplay.dayAndTime(Instant.parse("2026-11-30T11:00:00Z"))).isEqualTo("Mon 30 Nov, 11:00");
    }

    @Test
    void aSchoolDayIsWrittenAsStaffWriteIt() {
        assertThat(FormDisplay.day(LocalDate.parse("2026-11-23"))).isEqualTo("Mon 23 Nov 2026");
    }

    @Test
    void durationsAreMinutes() {
        assertThat(FormDisplay.minutes(Duration.parse("PT20M"))).isEqualTo("20 minutes");
        assertThat(FormDisplay.minutes(Duration.parse("PT1H30M"))).isEqualTo("90 minutes");
        assertThat(FormDisplay.minutes(Duration.ofMinutes(1))).isEqualTo("1 minute");
    }

    @Test
    void booleansAreYesOrNo() {
        assertThat(FormDisplay.yesNo(true)).isEqualTo("Yes");
        assertThat(FormDisplay.yesNo(false)).isEqualTo("No");
        assertThat(FormDisplay.yesNo(null)).as("not given reads as no").isEqualTo("No");
    }
}
