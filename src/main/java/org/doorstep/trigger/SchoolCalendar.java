package org.doorstep.trigger;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each school's terms and the days it is closed inside them (half-terms, INSET days, bank holidays,
 * other closures). A school day is a weekday inside one of the school's terms that is not a closure day.
 * The calendar covers the days from its first term's start to its last term's end; a day it does not
 * cover (a school with no terms yet, or a date past the last term imported) is never a school day, and
 * the evaluation reports it instead of counting it (issue 11: holidays must not count as school days).
 */
@Service
public class SchoolCalendar {

    /** What a calendar entry is; one vocabulary for the API, CSV and .ics imports and the schools page. */
    public enum Kind {
        TERM("Term (or half of one)"),
        HALF_TERM("Half-term holiday"),
        INSET("INSET (training) day"),
        BANK_HOLIDAY("Bank holiday"),
        CLOSURE("Other closure");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;

    SchoolCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Term(String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public record Closure(LocalDate closedOn, Kind kind, String reason) {
    }

    /** Adds the term unless the school has one with these dates; returns whether it was added. */
    @Transactional
    public boolean addTerm(String schoolId, String name, LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("A term cannot end before it starts");
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM school_term WHERE school_id = ? AND starts_on = ? AND ends_on = ?")
                .params(schoolId, Date.valueOf(startsOn), Date.valueOf(endsOn)).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO school_term (school_id, name, starts_on, ends_on) VALUES (?, ?, ?, ?)")
                    .params(schoolId, name, Date.valueOf(startsOn), Date.valueOf(endsOn)).update();
        }
        return !known;
    }

    /** Closes the school on the day unless it is closed already; returns whether it was added. */
    @Transactional
    public boolean addClosure(String schoolId, LocalDate day, Kind kind, String reason) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM school_closure WHERE school_id = ? AND closed_on = ?")
                .params(schoolId, Date.valueOf(day)).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO school_closure (school_id, closed_on, kind, reason) VALUES (?, ?, ?, ?)")
                    .params(schoolId, Date.valueOf(day), kind.name(), reason).update();
        }
        return !known;
    }

    public List<Term> terms(String schoolId) {
        return jdbc.sql("SELECT name, starts_on, ends_on FROM school_term WHERE school_id = ? ORDER BY starts_on")
                .param(schoolId)
                .query((rs, row) -> new Term(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate())).list();
    }

    public List<Closure> closures(String schoolId) {
        return jdbc.sql("SELECT closed_on, kind, reason FROM school_closure WHERE school_id = ? ORDER BY closed_on")
                .param(schoolId).query(Closure.class).list();
    }

    /** The school's calendar, read once, for counting many days; mapped by hand, as every pupil page reads it (docs/benchmarks.md "Pages"). */
    public SchoolDays of(String schoolId) {
        Set<LocalDate> closures = new HashSet<>(jdbc.sql("SELECT closed_on FROM school_closure WHERE school_id = ?")
                .param(schoolId)
                .query((rs, row) -> rs.getDate(1).toLocalDate()).list());
        return new SchoolDays(terms(schoolId), closures);
    }

    /** One school's calendar in memory. */
    public static final class SchoolDays {
        private final List<Term> terms;
        private final Set<LocalDate> closures;

        SchoolDays(List<Term> terms, Set<LocalDate> closures) {
            this.terms = List.copyOf(terms);
            this.closures = Set.copyOf(closures);
        }

        /** Whether the calendar says anything about the day: it lies between the first term's start and the last term's end. */
        public boolean covers(LocalDate day) {
            return terms.stream().anyMatch(term -> !day.isBefore(term.startsOn()))
                    && terms.stream().anyMatch(term -> !day.isAfter(term.endsOn()));
        }

        public boolean isSchoolDay(LocalDate day) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || closures.contains(day)) {
                return false;
            }
            return terms.stream().anyMatch(term -> !day.isBefore(term.startsOn()) && !day.isAfter(term.endsOn()));
        }

        /** The school days up to and including {@code day}, newest first, at most {@code count}, not before {@code floor}. */
        public List<LocalDate> schoolDaysBack(LocalDate day, int count, LocalDate floor) {
            List<LocalDate> days = new ArrayList<>(count);
            for (LocalDate cursor = day; days.size() < count && !cursor.isBefore(floor); cursor = cursor.minusDays(1)) {
                if (isSchoolDay(cursor)) {
                    days.add(cursor);
                }
            }
            return days;
        }

        /** School days after {@code from} up to and including {@code to}. */
        public int schoolDaysBetween(LocalDate from, LocalDate to) {
            int count = 0;
            for (LocalDate cursor = from.plusDays(1); !cursor.isAfter(to); cursor = cursor.plusDays(1)) {
                if (isSchoolDay(cursor)) {
                    count++;
                }
            }
            return count;
        }

        /** The first day of the term {@code day} falls in; without terms, 1 September of the school year. */
        public LocalDate termStart(LocalDate day) {
            return terms.stream().filter(term -> !day.isBefore(term.startsOn()) && !day.isAfter(term.endsOn()))
                    .map(Term::startsOn).findFirst()
                    .orElse(LocalDate.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9, 1));
        }
    }
}
