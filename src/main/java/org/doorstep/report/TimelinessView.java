package org.doorstep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.web.ShownTime;

/** The report's figures in the words and numbers the page shows: formatting stays here, out of the template. */
record TimelinessView(String title, String schoolId, Measure firstContact, long casesWithoutContact, Measure eyesOn,
        String eyesOnLimit, List<Breach> breaches, List<Bar> visitOutcomes, long visitCount, List<Penalty> penalties,
        Safety safety) {

    /**
     * BS 8484 alarm-receiving-centre targets for lone-worker alarms, as issue 13 gives them: 80% of alarms
     * answered within 10 s and 98.5% within 40 s. The office is not an ARC; the figures are a yardstick.
     */
    static final double TARGET_80_SECONDS = 10;
    static final double TARGET_98_5_SECONDS = 40;

    /** A measure's figures and the chart of them; {@code empty}: nothing measured in the period. */
    record Measure(int count, String median, String p90, String worst, List<Bar> chart) {

        public boolean empty() {
            return count == 0;
        }
    }

    /** One bar of a chart: its label, its figure in words and its length as a share (0-100) of the longest. */
    record Bar(String label, String value, double length) {
    }

    record Breach(String pupilId, String pupilName, String reference, int days, boolean stillUnseen) {
    }

    /** Penalty records of one step and status, summed across schools in the line across them. */
    record Penalty(String step, String status, long count) {
    }

    record Unanswered(String visitReference, String step, String raisedAt, boolean stillOpen) {
    }

    record Safety(int taken, String p80, String p985, String within10, String within40, boolean met80, boolean met985,
            List<Bar> chart, List<Unanswered> unanswered) {

        public boolean empty() {
            return taken == 0;
        }
    }

    static TimelinessView of(TimelinessReport.Figures figures, String title, Integer eyesOnLimit) {
        Distribution contact = figures.firstContactMinutes();
        Distribution eyes = figures.daysToEyesOn();
        Distribution alerts = figures.alertSeconds();
        Map<String, Long> visits = figures.visitsByStatus();
        long mostVisits = visits.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> outcomes = visits.entrySet().stream().map(entry -> new Bar(VisitStatusLabel.labelOf(entry.getKey()),
                String.valueOf(entry.getValue()), share(entry.getValue(), mostVisits))).toList();
        return new TimelinessView(title, figures.schoolId(), measure(contact, TimelinessView::minutes),
                figures.casesWithoutContact(), measure(eyes, TimelinessView::schoolDays),
                eyesOnLimit == null ? "each school's own limit" : schoolDays(eyesOnLimit),
                figures.breaches().stream().map(c -> new Breach(c.pupilId(), c.pupilName(), c.reference(), c.schoolDaysUnseen(),
                        c.stillUnseen())).toList(),
                outcomes, figures.visits().size(), penalties(figures.penalties()), safety(alerts, figures.unanswered()));
    }

    private static List<Penalty> penalties(List<org.doorstep.trigger.PenaltyPipeline.Count> counts) {
        Map<List<String>, Long> summed = new java.util.LinkedHashMap<>();
        counts.forEach(count -> summed.merge(List.of(count.stepLabel(), count.statusLabel()), count.count(), Long::sum));
        return summed.entrySet().stream().map(e -> new Penalty(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    private static Measure measure(Distribution values, DoubleFunction<String> words) {
        if (values.count() == 0) {
            return new Measure(0, "", "", "", List.of());
        }
        double worst = values.worst();
        List<Bar> chart = new ArrayList<>();
        chart.add(new Bar("Median", words.apply(values.median()), share(values.median(), worst)));
        chart.add(new Bar("90th percentile", words.apply(values.percentile(90)), share(values.percentile(90), worst)));
        chart.add(new Bar("Worst", words.apply(worst), share(worst, worst)));
        return new Measure(values.count(), words.apply(values.median()), words.apply(values.percentile(90)),
                words.apply(worst), chart);
    }

    private static Safety safety(Distribution seconds, List<TimelinessReport.AlertResponse> unanswered) {
        List<Unanswered> left = unanswered.stream().map(alert -> new Unanswered(alert.visitReference(), alert.step(),
                ShownTime.at(alert.raisedAt()), alert.stillOpen())).toList();
        if (seconds.count() == 0) {
            return new Safety(0, "", "", "", "", false, false, List.of(), left);
        }
        double p80 = seconds.percentile(80);
        double p985 = seconds.percentile(98.5);
        double longest = Math.max(seconds.worst(), TARGET_98_5_SECONDS);
        List<Bar> chart = List.of(new Bar("80th percentile", seconds(p80), share(p80, longest)),
                new Bar("Target for 80%", seconds(TARGET_80_SECONDS), share(TARGET_80_SECONDS, longest)),
                new Bar("98.5th percentile", seconds(p985), share(p985, longest)),
                new Bar("Target for 98.5%", seconds(TARGET_98_5_SECONDS), share(TARGET_98_5_SECONDS, longest)));
        return new Safety(seconds.count(), seconds(p80), seconds(p985), percent(seconds.percentWithin(TARGET_80_SECONDS)),
                percent(seconds.percentWithin(TARGET_98_5_SECONDS)), p80 <= TARGET_80_SECONDS, p985 <= TARGET_98_5_SECONDS,
                chart, left);
    }

    private static double share(double value, double longest) {
        return longest <= 0 ? 0 : Math.round(1000 * value / longest) / 10.0;
    }

    static String minutes(double value) {
        long whole = Math.round(value);
        return whole < 60 ? whole + " min" : whole / 60 + " h " + whole % 60 + " min";
    }

    static String schoolDays(double value) {
        long whole = Math.round(value);
        return whole == 1 ? "1 school day" : whole + " school days";
    }

    static String seconds(double value) {
        return String.format(Locale.UK, "%.1f s", value);
    }

    private static String percent(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }
}
