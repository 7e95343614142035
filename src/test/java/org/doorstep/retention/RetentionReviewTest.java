package org.doorstep.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records are kept as long as the law and the school say, listed when due, and destroyed only when a
 * leader confirms the list; the audit trail keeps kinds and counts, never whose records they were.
 */
@DoorstepTest
class RetentionReviewTest {

    @Autowired
    private RetentionReviews reviews;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private SchoolDirectory directory;
    @Autowired
    private SchoolOnboarding onboarding;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private JdbcClient jdbc;
    @LocalServerPort
    private int port;
    @Value("${doorstep.demo.password}")
    private String password;

    private RetentionTestSchool school;

    @BeforeEach
    void openSchool() {
        school = new RetentionTestSchool(onboarding, directory, engine, jdbc);
        school.open();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void childProtectionRecordsAreKeptToThe25thBirthdayAndDestroyedOnlyWhenALeaderConfirms() {
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 11, 30)));
        Pupil robin = school.pupil("Ashdown", LocalDate.of(2016, 3, 10), LocalDate.of(2027, 7, 20));
        String visit = school.visit(robin, Instant.parse("2027-01-10T15:00:00Z"));
        school.note(visit, "SAFEGUARDING", "Bruising seen on the doorstep; DSL told.");
        school.note(visit, "OUTCOME", "Child seen, well.");
        String absenceCase = school.closedCaseWithReferral(robin, LocalDate.of(2027, 1, 15));
        school.mark(robin, LocalDate.of(2026, 11, 2), "AM", "N");
        school.finishedProcess(visit);
        school.finishedProcess(absenceCase);
        Pupil stays = school.pupil("Stayer", LocalDate.of(2016, 1, 5), null);

        ClockUtil.setCurrentTime(at(LocalDate.of(2041, 3, 9)));
        Map<RecordKind, Long> dayBefore = dueFor(robin, reviews.list(RetentionTestSchool.SCHOOL).orElseThrow());
        assertThat(dayBefore).as("the day before the 25th birthday only the register entry (6 years) is due; the visit"
                + " and the case hold child-protection records and wait, whole")
                .containsOnlyKeys(RecordKind.ATTENDANCE_MARK);

        ClockUtil.setCurrentTime(at(LocalDate.of(2041, 3, 10)));
        RetentionReviews.Review review = reviews.list(RetentionTestSchool.SCHOOL).orElseThrow();
        assertThat(dueFor(robin, review)).as("on the 25th birthday everything of the pupil who left is due").isEqualTo(Map.of(
                RecordKind.SAFEGUARDING_NOTE, 1L, RecordKind.REFERRAL, 1L, RecordKind.ATTENDANCE_MARK, 1L,
                RecordKind.VISIT, 1L, RecordKind.ABSENCE_CASE, 1L, RecordKind.PUPIL, 1L));
        assertThat(dueFor(stays, review)).as("a pupil who has not left keeps their record").doesNotContainKey(RecordKind.PUPIL);
        assertThat(directory.pupil(robin.id())).as("listed, not destroyed: that waits for a leader").isPresent();

        WebClient office = WebClient.signedIn(port, "office", password);
        assertThat(office.get("/retention").statusCode()).as("the office may not review retention").isEqualTo(403);
        WebClient leader = WebClient.signedIn(port, "leader", password);
        String page = leader.get("/retention").body();
        assertThat(page).contains("Retention Academy (test)", "Robin Ashdown", "Safeguarding notes: 1",
                "To the pupil&#39;s 25th birthday (IRMS Toolkit for Schools)");
        WebClient otherSchool = WebClient.signedIn(port, "wli-leader", password);
        String otherPage = otherSchool.get("/retention").body();
        assertThat(otherPage).as("another school's leader does not see the list").doesNotContain("Robin Ashdown");
        String otherToken = otherPage.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(otherSchool.post("/retention/" + review.id(), "application/x-www-form-urlencoded",
                "_csrf=" + URLEncoder.encode(otherToken, StandardCharsets.UTF_8)).statusCode())
                .as("nor can confirm it").isEqualTo(404);
        String csrf = page.replaceAll("(?s).*action=\"/retention/" + review.id() + "\".*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(leader.post("/retention/" + review.id(), "application/x-www-form-urlencoded",
                "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);

        assertThat(directory.pupil(robin.id())).as("the pupil's record is gone").isEmpty();
        assertThat(school.count("SELECT COUNT(*) FROM visit WHERE reference = ?", visit)).isZero();
        assertThat(school.count("SELECT COUNT(*) FROM visit_note WHERE visit_reference = ?", visit)).isZero();
        assertThat(school.count("SELECT COUNT(*) FROM absence_case WHERE reference = ?", absenceCase)).isZero();
        assertThat(school.count("SELECT COUNT(*) FROM contact WHERE pupil_id = ?", robin.id())).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(visit, absenceCase).count()).as("their process history went with them").isZero();
        assertThat(directory.pupil(stays.id())).as("the other pupil is still on the roll").isPresent();
        assertThat(leader.get("/retention").body()).contains("Destroyed as listed.");

        AuditTrail.AuditEvent entry = audit.events("school", RetentionTestSchool.SCHOOL).stream()
                .filter(event -> event.action().equals(RetentionReviews.DESTROYED)).reduce((first, second) -> second).orElseThrow();
        assertThat(entry.actor()).isEqualTo("leader");
        assertThat(entry.detail()).contains("Safeguarding notes: 1", "Pupil records and contacts: 1")
                .doesNotContain(robin.id(), "Ashdown", "Robin", visit, absenceCase);
    }

    @Test
    void attendanceRegisterEntriesGoSixYearsFromTheEntryAndAListThatChangedIsNotDestroyed() {
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 11, 30)));
        Pupil pupil = school.pupil("Register", LocalDate.of(2017, 5, 1), null);
        school.mark(pupil, LocalDate.of(2026, 11, 2), "AM", "/");
        school.mark(pupil, LocalDate.of(2026, 11, 2), "PM", "N");
        school.mark(pupil, LocalDate.of(2026, 11, 3), "AM", "/");

        ClockUtil.setCurrentTime(at(LocalDate.of(2032, 11, 1)));
        assertThat(reviews.list(RetentionTestSchool.SCHOOL).map(review -> dueFor(pupil, review)).orElse(Map.of()))
                .as("a day short of six years").doesNotContainKey(RecordKind.ATTENDANCE_MARK);

        ClockUtil.setCurrentTime(at(LocalDate.of(2032, 11, 2)));
        RetentionReviews.Review review = reviews.list(RetentionTestSchool.SCHOOL).orElseThrow();
        assertThat(dueFor(pupil, review)).containsEntry(RecordKind.ATTENDANCE_MARK, 2L);

        school.mark(pupil, LocalDate.of(2026, 10, 30), "AM", "/");
        assertThat(reviews.confirm(review, "head").destroyed())
                .as("an entry due that the leader never saw: nothing is destroyed").isFalse();
        assertThat(school.count("SELECT COUNT(*) FROM attendance_mark WHERE pupil_id = ?", pupil.id())).isEqualTo(4);

        review = reviews.list(RetentionTestSchool.SCHOOL).orElseThrow();
        assertThat(reviews.confirm(review, "head").destroyed()).isTrue();
        assertThat(jdbc.sql("SELECT session_date FROM attendance_mark WHERE pupil_id = ?").param(pupil.id()).query(LocalDate.class).list())
                .as("six years from 2 November 2026: the next day's entry stays").containsExactly(LocalDate.of(2026, 11, 3));
        assertThat(directory.pupil(pupil.id())).as("a pupil on the roll is never destroyed").isPresent();
    }

    private Map<RecordKind, Long> dueFor(Pupil pupil, RetentionReviews.Review review) {
        Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
        reviews.records(review).forEach((kind, records) -> {
            long mine = records.stream().filter(record -> record.pupilId().equals(pupil.id())).count();
            if (mine > 0) {
                counts.put(kind, mine);
            }
        });
        return counts;
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
