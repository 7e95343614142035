package org.doorstep.safety;

import java.time.Instant;
import java.util.List;
import org.doorstep.notification.Outbox;
import org.doorstep.notification.Outbox.Undelivered;
import org.doorstep.safety.StaffSafetyProcess.OverdueReason;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.Roles;
import org.doorstep.workflow.EngineClock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office safety board's data: everyone out on a visit now, and every alert e-mail or text of the
 * last day that has not reached its recipient, from the user's own schools. The office, senior leaders, the
 * headteacher and the DSL (the roles the board's door is for).
 */
@RestController
class SafetyBoardController {

    private final SafetyWatches watches;
    private final SchoolDirectory directory;
    private final SchoolMembers members;
    private final Outbox outbox;

    SafetyBoardController(SafetyWatches watches, SchoolDirectory directory, SchoolMembers members, Outbox outbox) {
        this.members = members;
        this.watches = watches;
        this.directory = directory;
        this.outbox = outbox;
    }

    @GetMapping("/api/safety/board")
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_senior-leaders', 'GROUP_headteacher', 'GROUP_dsl')")
    Board board(Authentication user) {
        Instant now = EngineClock.now();
        boolean administrator = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.CAMUNDA_ADMIN)));
        List<Row> rows = watches.open().stream()
                .filter(watch -> administrator || members.worksFor(user.getName(), watch.schoolId()))
                .map(watch -> {
            String names = watch.people() == null ? String.join(", ", watch.staff()) : watch.people();
            String pupil = directory.pupil(watch.pupilId()).map(Pupil::fullName).orElse(watch.pupilId());
            boolean checkInLate = watch.nextCheckInDueAt() != null && watch.nextCheckInDueAt().isBefore(now);
            boolean returnLate = watch.expectedBackAt() != null && watch.expectedBackAt().isBefore(now);
            boolean red = watch.alert() != null || checkInLate || returnLate;
            String link = (watch.drill() ? DrillPages.PATH + "/" : "/visits/") + watch.visitReference();
            return new Row(watch.visitReference(), link, names, DrillMark.marked(watch.drill(), pupil), watch.address(), watch.transport(), watch.phase(),
                    Phase.valueOf(watch.phase()).description(), watch.departedAt(), watch.lastCheckInAt(), watch.lastCheckInType(),
                    watch.lastCheckInType() == null ? null : CheckInType.valueOf(watch.lastCheckInType()).label(),
                    watch.nextCheckInDueAt(), watch.expectedBackAt(), watch.alert(), DrillMark.marked(watch.drill(), alertLabel(watch.alert())),
                    watch.overdueStep(), red);
        }).toList();
        List<Undelivered> undelivered = outbox.undelivered().stream()
                .filter(message -> administrator || members.worksFor(user.getName(), message.schoolId())).toList();
        return new Board(now, rows, undelivered.size(), undelivered);
    }

    /** The alert's badge in words: an overdue chain's reason, or the emergency. */
    private static String alertLabel(String alert) {
        if (alert == null) {
            return null;
        }
        return RaiseEmergency.ALERT.equals(alert) ? "Emergency" : OverdueReason.valueOf(alert).label();
    }

    /** {@code undeliveredAlerts}: alert messages that failed at least once (retrying or given up), listed in {@code undelivered}. */
    record Board(Instant asOf, List<Row> out, int undeliveredAlerts, List<Undelivered> undelivered) {
    }

    /**
     * {@code phaseLabel}, {@code lastCheckInLabel} and {@code alertLabel} are the codes beside them in words;
     * a drill's row links to the drill and its pupil and alert start "DRILL: ".
     */
    record Row(String visitReference, String link, String staff, String pupil, String address, String transport, String phase,
            String phaseLabel, Instant since, Instant lastCheckInAt, String lastCheckInType, String lastCheckInLabel,
            Instant nextCheckInDueAt, Instant expectedBackAt, String alert, String alertLabel, String overdueStep, boolean red) {
    }
}
