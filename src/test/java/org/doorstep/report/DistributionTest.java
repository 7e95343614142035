package org.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report's statistics on plain numbers: nearest-rank percentiles, so each figure is a case that happened. */
class DistributionTest {

    @Test
    void percentilesOfOneToTenAreTheValuesAtTheirNearestRank() {
        Distribution values = Distribution.of(List.of(7, 3, 10, 1, 9, 2, 8, 4, 6, 5));

        assertThat(values.count()).isEqualTo(10);
        assertThat(values.median()).as("rank ceil(0.5 x 10) = 5").isEqualTo(5.0);
        assertThat(values.percentile(90)).as("rank 9").isEqualTo(9.0);
        assertThat(values.percentile(80)).as("rank 8").isEqualTo(8.0);
        assertThat(values.percentile(98.5)).as("rank ceil(9.85) = 10").isEqualTo(10.0);
        assertThat(values.worst()).isEqualTo(10.0);
    }

    @Test
    void theNinetyEightAndAHalfthPercentileOfTwoHundredAlertsLeavesOutOnlyTheThreeSlowest() {
        Distribution seconds = Distribution.of(IntStream.rangeClosed(1, 200).boxed().toList());

        assertThat(seconds.percentile(98.5)).as("rank 197 of 200").isEqualTo(197.0);
        assertThat(seconds.percentile(80)).isEqualTo(160.0);
        assertThat(seconds.percentWithin(10)).as("10 of 200 within 10 s").isEqualTo(5.0);
        assertThat(seconds.percentWithin(40)).isEqualTo(20.0);
    }

    @Test
    void oneCaseIsItsOwnMedianAndWorst() {
        Distribution one = Distribution.of(List.of(42));

        assertThat(one.median()).isEqualTo(42.0);
        assertThat(one.percentile(90)).isEqualTo(42.0);
        assertThat(one.percentile(1)).isEqualTo(42.0);
        assertThat(one.worst()).isEqualTo(42.0);
    }

    @Test
    void nothingMeasuredHasNoFiguresRatherThanZeros() {
        Distribution none = Distribution.of(List.of());

        assertThat(none.count()).isZero();
        assertThat(none.median()).isNull();
        assertThat(none.worst()).isNull();
        assertThat(none.percentWithin(10)).isNull();
    }

    @Test
    void anEvenCountsMedianIsTheLowerMiddleCaseNotAnAverageNoCaseHad() {
        assertThat(Distribution.of(List.of(1, 2, 3, 100)).median()).isEqualTo(2.0);
    }

    @Test
    void minutesAfterTheRegisterClosedAreCountedFromHalfPastNineLondonTime() {
        var day = java.time.LocalDate.of(2026, 10, 5);
        var tenFifteenInLondon = day.atTime(10, 15).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
        var beforeTheRegisterClosed = day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();

        assertThat(TimelinessReport.minutesAfterRegisterClosed(day, tenFifteenInLondon)).as("BST: 09:15 UTC").isEqualTo(45);
        assertThat(TimelinessReport.minutesAfterRegisterClosed(day, beforeTheRegisterClosed)).isZero();
    }
}
