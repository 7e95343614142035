package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.SCHOOL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.notification.Outbox;
import org.doorstep.notification.Outbox.Alert;
import org.doorstep.notification.Outbox.Channel;
import org.doorstep.notification.Outbox.Recipient;
import org.doorstep.school.SchoolDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alerts beyond Tasklist, so an unattended screen hides nothing: email to every member of the
 * alerted groups (their Camunda user email) and, for the gravest alerts and reminders, a text to
 * their mobiles. Recipients are worked out inside the engine's transaction and queued in the
 * notification outbox in that same transaction: the messages exist exactly when the alert does, a
 * rolled-back step queues nothing, and a mail server that is down never undoes or delays an alert
 * in Tasklist.
 */
@Component
class SafetyNotifier {

    private final SchoolMembers members;
    private final SchoolDirectory directory;
    private final Outbox outbox;
    private final boolean emailEnabled;

    SafetyNotifier(SchoolMembers members, SchoolDirectory directory, Outbox outbox,
            @Value("${doorstep.safety.email-alerts:true}") boolean emailEnabled) {
        this.members = members;
        this.directory = directory;
        this.outbox = outbox;
        this.emailEnabled = emailEnabled;
    }

    /**
     * Email to every member of the groups at the visit's school; with {@code text} also an SMS to those
     * with a mobile on record.
     */
    void alertGroups(DelegateExecution execution, List<String> groups, String subject, String body, boolean text) {
        alertGroups(alert(execution, subject, body), groups, text);
    }

    /** As above, for an alert raised outside a staff-safety step (a child at risk at the door). */
    void alertGroups(Alert alert, List<String> groups, boolean text) {
        String schoolId = alert.schoolId();
        Set<String> userIds = new LinkedHashSet<>();
        List<Recipient> emails = new ArrayList<>();
        for (String group : groups) {
            for (User user : members.membersAtSchool(group, schoolId)) {
                if (userIds.add(user.getId())) {
                    emails.add(new Recipient(user.getId(), user.getEmail()));
                }
            }
        }
        if (emailEnabled) {
            outbox.queue(alert, Channel.EMAIL, emails);
        }
        if (text) {
            outbox.queue(alert, Channel.SMS, mobiles(List.copyOf(userIds)));
        }
    }

    /**
     * A text to the visiting staff themselves (check-in reminders), on the mobile the plan gave: the
     * directory's may be a phone left at school. The directory's only where the plan gave none.
     */
    void textStaff(DelegateExecution execution, List<String> staffUserIds, String text) {
        if (DrillMark.isDrill(execution)) {
            return; // staff really out on a visit are never texted about a drill
        }
        Map<String, String> plan = SafetyBriefing.planMobiles(execution);
        List<Recipient> recipients = new ArrayList<>();
        List<String> withoutPlanMobile = new ArrayList<>();
        for (String userId : staffUserIds) {
            if (plan.containsKey(userId)) {
                recipients.add(new Recipient(userId, plan.get(userId)));
            } else {
                withoutPlanMobile.add(userId);
            }
        }
        recipients.addAll(mobiles(withoutPlanMobile));
        outbox.queue(alert(execution, text, text), Channel.SMS, recipients);
    }

    /** The activity instance that raised it names the alert: a retried job gets a new one only if the first rolled back. */
    private static Alert alert(DelegateExecution execution, String subject, String body) {
        return new Alert(execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId(),
                SCHOOL_ID.require(execution), VISIT_REFERENCE.require(execution), subject, body);
    }

    private List<Recipient> mobiles(List<String> userIds) {
        return directory.staff(userIds).stream().map(staff -> new Recipient(staff.id(), staff.mobile())).toList();
    }
}
