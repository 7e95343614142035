package org.doorstep.trigger;

import java.time.LocalDate;
import org.doorstep.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily evaluation after the morning register, and the weekly visit list on Monday mornings.
 * Off in tests (they run the evaluation for the day they choose). Times are school time.
 */
@Component
@Profile("!test")
class TriggerSchedule {

    private static final Logger log = LoggerFactory.getLogger(TriggerSchedule.class);

    private final AbsenceEvaluation evaluation;
    private final VisitLists visitLists;

    TriggerSchedule(AbsenceEvaluation evaluation, VisitLists visitLists) {
        this.evaluation = evaluation;
        this.visitLists = visitLists;
    }

    @Scheduled(cron = "${doorstep.trigger.evaluation-cron:0 30 10 * * MON-FRI}", zone = EngineClock.SCHOOL_ZONE_ID)
    void daily() {
        AbsenceEvaluation.Report report = evaluation.evaluate(EngineClock.today());
        log.info("Daily absence evaluation: {}", report);
    }

    @Scheduled(cron = "${doorstep.trigger.visit-list-cron:0 0 8 * * MON}", zone = EngineClock.SCHOOL_ZONE_ID)
    void weeklyVisitLists() {
        LocalDate today = EngineClock.today();
        for (String school : visitLists.schoolsWithVisitLists()) {
            visitLists.compile(school, today).ifPresent(reference -> log.info("Visit list {} compiled", reference));
        }
    }
}
