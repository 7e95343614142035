package org.doorstep.register;

import org.doorstep.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day's register-duty check, after the morning register and the absence evaluation (10:30). Off in
 * tests (they run the check for the day they choose). Times are school time.
 */
@Component
@Profile("!test")
class RegisterSchedule {

    private static final Logger log = LoggerFactory.getLogger(RegisterSchedule.class);

    private final RegisterDuties duties;

    RegisterSchedule(RegisterDuties duties) {
        this.duties = duties;
    }

    @Scheduled(cron = "${doorstep.register.duties-cron:0 40 10 * * MON-FRI}", zone = EngineClock.SCHOOL_ZONE_ID)
    void daily() {
        log.info("Register duties: {}", duties.evaluate(EngineClock.today()));
    }
}
