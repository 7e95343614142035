package org.doorstep.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Alerts beyond Tasklist, so an unattended screen hides nothing: email to every member of the
 * alerted groups (their Camunda user email) and, for the gravest alerts and reminders, a text to
 * their mobiles. Recipients are worked out inside the engine's transaction; the sending happens
 * after it commits, so a mail server that is down never undoes or delays an alert in Tasklist, and
 * a rolled-back step sends nothing.
 */
@Component
class SafetyNotifier {

    private static final Logger log = LoggerFactory.getLogger(SafetyNotifier.class);

    private final SchoolMembers members;
    private final SchoolDirectory directory;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final String from;
    private final boolean emailEnabled;

    SafetyNotifier(SchoolMembers members, SchoolDirectory directory, JavaMailSender mail, SmsGateway sms,
            @Value("${doorstep.safety.mail-from:doorstep@localhost}") String from,
            @Value("${doorstep.safety.email-alerts:true}") boolean emailEnabled) {
        this.members = members;
        this.directory = directory;
        this.mail = mail;
        this.sms = sms;
        this.from = from;
        this.emailEnabled = emailEnabled;
    }

    /**
     * Email to every member of the groups at the school; with {@code text} also an SMS to those with a
     * mobile on record.
     */
    void alertGroups(String schoolId, List<String> groups, String subject, String body, boolean text) {
        Set<String> userIds = new LinkedHashSet<>();
        List<String> emails = new ArrayList<>();
        for (String group : groups) {
            for (User user : members.membersAtSchool(group, schoolId)) {
                if (userIds.add(user.getId()) && user.getEmail() != null && !user.getEmail().isBlank()) {
                    emails.add(user.getEmail());
                }
            }
        }
        List<String> mobiles = text ? mobiles(List.copyOf(userIds)) : List.of();
        afterCommit(() -> {
            if (emailEnabled && !emails.isEmpty()) {
                sendEmail(emails, subject, body);
            }
            mobiles.forEach(mobile -> sendText(mobile, subject));
        });
    }

    /** A text to the visiting staff themselves (check-in reminders). */
    void textStaff(List<String> staffUserIds, String text) {
        List<String> mobiles = mobiles(staffUserIds);
        afterCommit(() -> mobiles.forEach(mobile -> sendText(mobile, text)));
    }

    private List<String> mobiles(List<String> userIds) {
        return directory.staff(userIds).stream().map(Staff::mobile).filter(m -> m != null && !m.isBlank()).toList();
    }

    private void sendEmail(List<String> to, String subject, String body) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject(subject);
            message.setText(body);
            mail.send(message);
        } catch (RuntimeException e) {
            // No addresses or subject in the log (they name people); the mail server's message may quote addresses too.
            log.error("Safety alert email to {} recipient(s) failed ({}); the Tasklist alert stands", to.size(),
                    e.getClass().getSimpleName());
        }
    }

    private void sendText(String mobile, String text) {
        try {
            sms.send(mobile, text);
        } catch (RuntimeException e) {
            log.error("Safety SMS failed ({}); the Tasklist alert stands", e.getClass().getSimpleName());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
