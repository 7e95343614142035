package org.doorstep.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;

/** The five seed policies load as written; a profile with a bad value is refused, saying where and why. */
class PolicyProfilesTest {

    @TempDir
    Path folder;

    private final PolicyProfiles shipped = profiles("");

    @Test
    void allFiveSchoolsPoliciesAreShipped() {
        assertThat(shipped.all()).extracting(PolicyProfile::id).containsExactly(
                "burgh-lincolnshire", "lynnfield-primary", "thames-view-junior", "thomas-more-catholic",
                "william-lilley-infant-nursery");
    }

    @Test
    void thamesViewWaitsTwentyMinutesAndThirtyForALateParentAndNeedsAnAppointment() {
        PolicyProfile thamesView = shipped.forSchool("thames-view-junior");
        assertThat(thamesView.visit().parentWait()).isEqualTo(Duration.ofMinutes(20)); // 3.4
        assertThat(thamesView.visit().lateParentLimit()).isEqualTo(Duration.ofMinutes(30)); // 3.5
        assertThat(thamesView.visit().appointment()).isEqualTo(PolicyProfile.Appointment.REQUIRED); // 2.6
        assertThat(thamesView.authorisation().visitListSignerGroup()).isEqualTo("headteacher"); // 3.3
    }

    @Test
    void lynnfieldWaitsTenMinutesPostsAnAdviceSlipAndItsDslSignsTheList() {
        PolicyProfile lynnfield = shipped.forSchool("lynnfield-primary");
        assertThat(lynnfield.visit().parentWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(lynnfield.visit().noAnswerNotice()).isEqualTo(PolicyProfile.NoAnswerNotice.ADVICE_SLIP);
        assertThat(lynnfield.visit().appointment()).isEqualTo(PolicyProfile.Appointment.OPTIONAL);
        assertThat(lynnfield.authorisation().visitListRequired()).isTrue();
        assertThat(lynnfield.authorisation().visitListSignerGroup()).isEqualTo("dsl");
    }

    @Test
    void thomasMoreLetsAnAttendanceVisitGoAheadWithoutTheParentAndCallsThePoliceAfterTheMobile() {
        PolicyProfile thomasMore = shipped.forSchool("thomas-more-catholic");
        assertThat(thomasMore.visit().entryWithoutParentForReasons()).containsExactly("attendance");
        assertThat(thomasMore.safety().overdueChain()).extracting(PolicyProfile.OverdueStep::action)
                .containsExactly("RING_MOBILE", "CALL_POLICE");
    }

    @Test
    void williamLilleyRingsTheMobileThenTheHomeThenSeniorLeaders() {
        assertThat(shipped.forSchool("william-lilley-infant-nursery").safety().overdueChain())
                .extracting(PolicyProfile.OverdueStep::action)
                .containsExactly("RING_MOBILE", "RING_HOME", "ALERT_SENIOR_LEADERS");
    }

    @Test
    void burghCountsDaysToAMandatoryVisitAndALocalAuthorityNotification() {
        PolicyProfile.Triggers burgh = shipped.forSchool("burgh-lincolnshire").triggers();
        assertThat(burgh.safeAndWellVisitFromDay()).isEqualTo(3);
        assertThat(burgh.maxSchoolDaysWithoutEyesOn()).isEqualTo(5);
        assertThat(burgh.consecutiveUnauthorisedDaysForLocalAuthority()).isEqualTo(10);
        assertThat(shipped.forSchool("burgh-lincolnshire").visit().pairing())
                .isEqualTo(PolicyProfile.Pairing.WHEN_RISK_REQUIRES);
    }

    /** Burgh 9: "if no one answers or entry is refused" the card is left; the others post theirs for no answer only. */
    @Test
    void onlyBurghLeavesItsNoticeWhenEntryIsRefusedToo() {
        assertThat(shipped.forSchool("burgh-lincolnshire").visit().noticeWhenEntryRefused()).isTrue();
        for (String school : List.of("lynnfield-primary", "thames-view-junior", "thomas-more-catholic", "william-lilley-infant-nursery")) {
            assertThat(shipped.forSchool(school).visit().noticeWhenEntryRefused()).as(school).isFalse();
        }
    }

    @Test
    void aSettingThePolicyIsSilentOnTakesTheSafeDefault() {
        PolicyProfile williamLilley = shipped.forSchool("william-lilley-infant-nursery");
        assertThat(williamLilley.visit().parentWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(williamLilley.safety().checkInInterval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(williamLilley.visit().noAnswerNotice()).isEqualTo(PolicyProfile.NoAnswerNotice.CALLING_CARD);
    }

    @Test
    void anUnknownSchoolIsAClearError() {
        assertThatThrownBy(() -> shipped.forSchool("no-such-school"))
                .isInstanceOf(UnknownPolicyProfileException.class).hasMessageContaining("no-such-school");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown setting          | visit: {parentWiat: PT10M}                     | visit.parentWiat: unknown setting
            duration not a duration  | visit: {parentWait: ten minutes}               | visit.parentWait: 'ten minutes' is not a valid duration
            negative duration        | visit: {parentWait: PT-5M}                     | visit.parentWait: must be a positive duration
            wait over an hour        | visit: {parentWait: PT2H, lateParentLimit: PT3H} | visit.parentWait: PT2H is longer than
            late limit below wait    | visit: {parentWait: PT20M, lateParentLimit: PT5M} | visit.lateParentLimit: must not be shorter than visit.parentWait
            unknown pairing          | visit: {pairing: SOMETIMES}                    | visit.pairing: 'SOMETIMES' is not a valid value (one of [ALWAYS, WHEN_RISK_REQUIRES])
            unknown group            | authorisation: {authoriserGroup: caretaker}    | authorisation.authoriserGroup: 'caretaker' is not a Doorstep group
            empty overdue chain      | safety: {overdueChain: []}                     | safety.overdueChain: needs at least one step
            step without deadline    | safety: {overdueChain: [{action: RING_MOBILE}]} | safety.overdueChain[0].deadline: must be a positive duration
            assumed visit too long   | safety: {assumedVisitLength: PT12H}            | safety.assumedVisitLength: PT12H is longer than
            day out of range         | triggers: {safeAndWellVisitFromDay: 0}         | triggers.safeAndWellVisitFromDay: 0 is outside 1 to 20
            improvement period long  | penalties: {improvementPeriodWeeks: 8}         | penalties.improvementPeriodWeeks: 8 is outside 3 to 6
            improvement period short | penalties: {improvementPeriodWeeks: 2}         | penalties.improvementPeriodWeeks: 2 is outside 3 to 6
            code of conduct unnamed  | penalties: {codeOfConduct: ' '}                | penalties.codeOfConduct: is required
            bad id                   | id: Not An Id                                  | id: must be 2 to 64 lower-case letters
            clauses of no form       | formClauses: {authorise-vist: "2.1"}           | formClauses.authorise-vist: no form of that name
            step without clauses     | formClauses: {authorise-visit: ""}             | formClauses.authorise-visit: needs the clauses
            """)
    void anInvalidValueIsRefusedNamingFileSettingAndReason(String kind, String yaml, String expected) throws IOException {
        String body = yaml.startsWith("id:") ? yaml + "\nschoolName: Test School\n" : "id: test-school\nschoolName: Test School\n" + yaml + "\n";
        Path file = Files.writeString(folder.resolve("broken-school.yml"), body);
        assertThatThrownBy(() -> shipped.load(new FileSystemResource(file)))
                .isInstanceOf(InvalidPolicyProfileException.class)
                .hasMessageContaining("broken-school.yml")
                .hasMessageContaining(expected);
    }

    @Test
    void aDirectoryWithAnInvalidProfileStopsTheStart() throws IOException {
        Files.writeString(folder.resolve("late.yml"), "id: late\nschoolName: Late\nvisit: {lateParentLimit: PT0M}\n");
        assertThatThrownBy(() -> profiles(folder.toString()))
                .isInstanceOf(InvalidPolicyProfileException.class)
                .hasMessageContaining("late.yml").hasMessageContaining("visit.lateParentLimit");
    }

    @Test
    void aProfileInTheConfiguredDirectoryIsLoadedBesideTheShippedOnes() throws IOException {
        Files.writeString(folder.resolve("extra.yml"), "id: extra-school\nschoolName: Extra School\nvisit: {parentWait: PT15M, lateParentLimit: PT15M}\n");
        PolicyProfiles withExtra = profiles(folder.toString());
        assertThat(withExtra.forSchool("extra-school").visit().parentWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(withExtra.all()).hasSize(6);
    }

    @Test
    void aReloadAppliesAnEditedProfileAndAnInvalidEditChangesNothing() throws IOException {
        Path file = folder.resolve("edited.yml");
        Files.writeString(file, "id: edited-school\nschoolName: Edited\nversion: v1\nvisit: {parentWait: PT15M, lateParentLimit: PT15M}\n");
        PolicyProfiles editable = profiles(folder.toString());

        Files.writeString(file, "id: edited-school\nschoolName: Edited\nversion: v2\nvisit: {parentWait: PT12M, lateParentLimit: PT15M}\n");
        editable.reload();
        assertThat(editable.forSchool("edited-school").version()).isEqualTo("v2");
        assertThat(editable.forSchool("edited-school").visit().parentWait()).isEqualTo(Duration.ofMinutes(12));

        Files.writeString(file, "id: edited-school\nschoolName: Edited\nversion: v3\nvisit: {parentWait: soon}\n");
        assertThatThrownBy(editable::reload).isInstanceOf(InvalidPolicyProfileException.class)
                .hasMessageContaining("edited.yml").hasMessageContaining("visit.parentWait");
        assertThat(editable.forSchool("edited-school").version()).isEqualTo("v2");
    }

    private static PolicyProfiles profiles(String directory) {
        try {
            return new PolicyProfiles(new PolicyProfileValidator(), directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PolicyProfile> shippedProfiles() {
        return List.copyOf(profiles("").all());
    }
}
