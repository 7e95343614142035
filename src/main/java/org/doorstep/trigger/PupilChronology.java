package org.doorstep.trigger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.doorstep.records.AttendanceNotes;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.visit.VisitReason;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.web.ShownTime;
import org.doorstep.web.ShownWords;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A child's chronology, CPOMS-style: every absence case and what it asked for, contact attempts, visits
 * and their notes, attendance notes and, for the DSL and headteacher only, safeguarding notes and
 * decisions; newest first. Every read of safeguarding entries is audited, per visit and per case.
 */
@Service
class PupilChronology {

    /** What an entry is, in words. */
    enum Kind {
        ABSENCE_CASE("Absence case"),
        ACTION_DUE("Action due"),
        CONTACT_ATTEMPT("Contact attempt"),
        VISIT("Visit"),
        VISIT_NOTE("Visit note"),
        ATTENDANCE_NOTE("Attendance note"),
        SAFEGUARDING_NOTE("Safeguarding note"),
        SAFEGUARDING_DECISION("Safeguarding decision");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        boolean safeguarding() {
            return this == SAFEGUARDING_NOTE || this == SAFEGUARDING_DECISION;
        }
    }

    /**
     * One line: {@code at} orders it (a dated entry without a time counts from the start of its day);
     * {@code when} is what the page shows; {@code href} and {@code link} are an optional link (a visit, a PDF).
     */
    record Entry(Instant at, String when, Kind kind, String kindLabel, boolean safeguarding, String what, String who,
            String href, String link) {
    }

    record VisitRow(String reference, String reason, String status, String requestedBy, Instant requestedAt,
            Instant endedAt) {
    }

    private final AbsenceCases cases;
    private final VisitNotes visitNotes;
    private final AttendanceNotes attendanceNotes;
    private final AuditTrail audit;
    private final People people;
    private final JdbcClient jdbc;

    PupilChronology(AbsenceCases cases, VisitNotes visitNotes, AttendanceNotes attendanceNotes, AuditTrail audit,
            People people, JdbcClient jdbc) {
        this.cases = cases;
        this.visitNotes = visitNotes;
        this.attendanceNotes = attendanceNotes;
        this.audit = audit;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** Mapped by hand: by record class the mapping cost the pupil page more than the query (docs/benchmarks.md "Pages"). */
    List<VisitRow> visits(String pupilId) {
        return jdbc.sql("""
                SELECT reference, reason, status, requested_by, requested_at, ended_at FROM visit
                WHERE pupil_id = ? ORDER BY requested_at""").param(pupilId)
                .query((rs, row) -> {
                    Timestamp ended = rs.getTimestamp(6);
                    return new VisitRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), ended == null ? null : ended.toInstant());
                }).list();
    }

    /**
     * The chronology as {@code reader} may see it; {@code safeguardingReader} (DSL, headteacher) adds the
     * safeguarding entries, and each visit or case whose safeguarding entries were shown is audited as read.
     */
    List<Entry> of(String pupilId, List<AbsenceCases.AbsenceCase> pupilCases, List<VisitRow> visits, String reader,
            boolean safeguardingReader) {
        List<Raw> raw = new ArrayList<>();
        for (AbsenceCases.AbsenceCase c : pupilCases) {
            raw.add(Raw.on(c.openedOn(), Kind.ABSENCE_CASE, "Absence case " + c.reference() + " opened", Actor.DOORSTEP));
            if (c.closedOn() != null) {
                raw.add(Raw.on(c.closedOn(), Kind.ABSENCE_CASE, "Absence case closed: " + c.closeReason(), Actor.DOORSTEP));
            }
            for (AbsenceCases.Action action : cases.actions(c.reference())) {
                String what = action.action().label() + (action.reason() == null ? "" : ": " + action.reason());
                raw.add(Raw.on(action.dueOn(), Kind.ACTION_DUE, what, Actor.DOORSTEP)
                        .linked(visitHref(action.visitReference()), action.visitReference()));
            }
            for (AbsenceCases.ContactAttempt attempt : cases.contactAttempts(c.reference())) {
                String what = "Tried " + attempt.methods() + (attempt.reached() ? "; family reached" : "; not reached")
                        + (attempt.notes() == null || attempt.notes().isBlank() ? "" : ". " + attempt.notes());
                raw.add(new Raw(attempt.attemptedAt(), true, Kind.CONTACT_ATTEMPT, what, attempt.attemptedBy(), null, null));
            }
            if (safeguardingReader) {
                List<AbsenceCases.Referral> referrals = cases.referrals(c.reference());
                if (!referrals.isEmpty()) {
                    audit.record(reader, "ABSENCE_REFERRALS_READ", "absence_case", c.reference(), "pupil page");
                }
                for (AbsenceCases.Referral referral : referrals) {
                    String what = ShownWords.of(referral.kind()) + ": " + ShownWords.of(referral.decision())
                            + (referral.sentTo() == null || referral.sentTo().isBlank() ? "" : ", sent to " + referral.sentTo())
                            + (referral.summary() == null || referral.summary().isBlank() ? "" : ". " + referral.summary());
                    raw.add(new Raw(referral.decidedAt(), true, Kind.SAFEGUARDING_DECISION, what, referral.decidedBy(),
                            "/api/absence-cases/" + c.reference() + "/referrals/" + referral.id() + "/summary.pdf",
                            "Referral summary (PDF)"));
                }
            }
        }
        for (VisitRow visit : visits) {
            String reason = VisitReason.of(visit.reason()).map(VisitReason::label).orElse(visit.reason());
            raw.add(new Raw(visit.requestedAt(), true, Kind.VISIT, "Visit requested (" + reason + "); now: "
                    + VisitStatusLabel.labelOf(visit.status()), visit.requestedBy(), visitHref(visit.reference()),
                    visit.reference()));
            if (visit.endedAt() != null) {
                raw.add(new Raw(visit.endedAt(), true, Kind.VISIT, "Visit ended: " + VisitStatusLabel.labelOf(visit.status()),
                        Actor.DOORSTEP, visitHref(visit.reference()), visit.reference()));
            }
            boolean safeguardingShown = false;
            for (VisitNotes.Note note : visitNotes.notes(visit.reference(), safeguardingReader)) {
                boolean safeguarding = note.kind() == NoteKind.SAFEGUARDING;
                safeguardingShown |= safeguarding;
                raw.add(new Raw(note.createdAt(), true, safeguarding ? Kind.SAFEGUARDING_NOTE : Kind.VISIT_NOTE,
                        (safeguarding ? "" : ShownWords.of(note.kind().name()) + ": ") + note.body(), note.author(),
                        visitHref(visit.reference()), visit.reference()));
            }
            if (safeguardingShown) {
                audit.record(reader, "SAFEGUARDING_NOTES_READ", "visit", visit.reference(), "pupil page");
            }
        }
        for (AttendanceNotes.AttendanceNote note : attendanceNotes.notes(pupilId)) {
            raw.add(new Raw(note.createdAt(), true, Kind.ATTENDANCE_NOTE, note.body(), note.author(),
                    visitHref(note.visitReference()), note.visitReference()));
        }
        Map<String, String> names = people.names(raw.stream().map(Raw::who).toList());
        return raw.stream()
                .sorted(Comparator.comparing(Raw::at).reversed())
                .map(r -> new Entry(r.at(), r.timed() ? ShownTime.at(r.at()) : ShownTime.on(r.at().atZone(EngineClock.SCHOOL_ZONE).toLocalDate()),
                        r.kind(), r.kind().label(), r.kind().safeguarding(), r.what(), names.getOrDefault(r.who(), r.who()), r.href(), r.link()))
                .toList();
    }

    private static String visitHref(String reference) {
        return reference == null ? null : "/visits/" + reference;
    }

    private record Raw(Instant at, boolean timed, Kind kind, String what, String who, String href, String link) {

        static Raw on(LocalDate day, Kind kind, String what, String who) {
            return new Raw(day.atStartOfDay(EngineClock.SCHOOL_ZONE).toInstant(), false, kind, what, who, null, null);
        }

        Raw linked(String href, String link) {
            return new Raw(at, timed, kind, what, who, href, link);
        }
    }
}
