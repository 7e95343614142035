package org.doorstep.register;

import static org.doorstep.register.RegisterDutyProcess.Variables.DUTY_ID;
import static org.doorstep.register.RegisterDutyProcess.Variables.NOTES;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.notification.Outbox;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/**
 * Sends the new pupil return the office checked to the local authority's address in the school's profile,
 * through the outbox (written in this transaction, delivered with retries). With no address in the profile
 * nothing can be sent: the duty's outcome says so, for the office to send it another way.
 */
@Component("sendNewPupilReturn")
class SendNewPupilReturn implements JavaDelegate {

    private final RegisterDuties duties;
    private final PolicyProfiles profiles;
    private final SchoolDirectory directory;
    private final Outbox outbox;

    SendNewPupilReturn(RegisterDuties duties, PolicyProfiles profiles, SchoolDirectory directory, Outbox outbox) {
        this.duties = duties;
        this.profiles = profiles;
        this.directory = directory;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegisterDuties.Duty duty = duties.duty(DUTY_ID.require(execution)).orElseThrow();
        PolicyProfile.RegisterReturns returns = profiles.forSchool(duty.schoolId()).registerReturns();
        Optional<String> address = Optional.ofNullable(returns == null ? null : returns.localAuthorityEmail()).filter(a -> !a.isBlank());
        String notes = NOTES.get(execution);
        if (address.isEmpty()) {
            NOTES.set(execution, "Not sent: the school's policy profile names no local authority address for returns"
                    + (notes == null || notes.isBlank() ? "" : ". " + notes));
            return;
        }
        String school = directory.school(duty.schoolId()).map(s -> s.name() + (s.laNumber() == null ? "" : " (LA " + s.laNumber() + ")"))
                .orElse(duty.schoolId());
        String body = "From " + school + ".\n\n" + duties.newPupilReturn(directory.requirePupil(duty.pupilId()), duty.aboutDate())
                + (notes == null || notes.isBlank() ? "" : "\nNotes from the school office: " + notes + "\n");
        outbox.queue(new Outbox.Alert("new-pupil-return-" + duty.reference(), duty.schoolId(), null,
                "New pupil return: " + school, body), Outbox.Channel.EMAIL, List.of(new Outbox.Recipient(null, address.get())));
        NOTES.set(execution, "Sent to " + address.get() + (notes == null || notes.isBlank() ? "" : ". " + notes));
    }
}
