package org.doorstep.retention;

import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.EngineClock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lists what is due at every school once a week, for a leader to review at /retention. It destroys
 * nothing: only a leader's confirmation does.
 */
@Component
class RetentionSchedule {

    private final SchoolDirectory schools;
    private final RetentionReviews reviews;

    RetentionSchedule(SchoolDirectory schools, RetentionReviews reviews) {
        this.schools = schools;
        this.reviews = reviews;
    }

    @Scheduled(cron = "${doorstep.retention.review-cron:0 0 7 * * MON}", zone = EngineClock.SCHOOL_ZONE_ID)
    void listDue() {
        schools.schools().forEach(school -> reviews.list(school.id()));
    }
}
