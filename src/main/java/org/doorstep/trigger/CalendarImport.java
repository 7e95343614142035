package org.doorstep.trigger;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.doorstep.api.CsvUpload;
import org.doorstep.api.Problems;
import org.doorstep.api.RefusedFileException;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's calendar from JSON entries, a CSV file ({@value #CSV_HEADER}) or an iCalendar (.ics) file
 * as school calendars export it (read by ical4j). Today's rule for bad input holds: each bad row or event
 * is reported with its line or UID and the reason, the good ones are applied, all in one transaction;
 * importing the same file again changes nothing. Every import is audited.
 */
@Service
public class CalendarImport {

    static final String CSV_HEADER = "kind,name,from,to";
    private static final List<String> CSV_COLUMNS = List.of(CSV_HEADER.split(","));
    private static final int LONGEST_ENTRY_DAYS = 366;

    private final SchoolCalendar calendar;
    private final AuditTrail audit;

    CalendarImport(SchoolCalendar calendar, AuditTrail audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    /** One entry as given: {@code to} may be left out for a single day. */
    public record EntryRequest(String kind, String name, String from, String to) {
    }

    public record Problem(String where, String reason) {
    }

    public record Report(int read, int added, int unchanged, int rejected, List<Problem> problems) {
    }

    private record Entry(String where, SchoolCalendar.Kind kind, String name, LocalDate from, LocalDate to) {
    }

    /** Entries as read, each either good or reported. */
    private static final class Read {
        final List<Entry> entries = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int count;
    }

    @Transactional
    public Report importEntries(String schoolId, List<EntryRequest> entries, String source, String actor) {
        Read read = new Read();
        for (int i = 0; i < entries.size(); i++) {
            EntryRequest entry = entries.get(i);
            read.count++;
            fromText(read, "entry " + (i + 1), entry.kind(), entry.name(), entry.from(), entry.to());
        }
        return apply(schoolId, read, source, actor);
    }

    @Transactional
    public Report importCsv(String schoolId, Reader csv, String source, String actor) {
        CsvUpload file = CsvUpload.open(csv);
        List<String> header = file.header();
        if (!header.containsAll(CSV_COLUMNS)) {
            throw new RefusedFileException("The first line must be the header '" + CSV_HEADER + "'; it is '"
                    + Problems.shorten(String.join(",", header)) + "'. Nothing was imported");
        }
        Read read = new Read();
        file.forEachRow(row -> {
            read.count++;
            String where = "line " + row.line();
            if (row.size() != header.size()) {
                read.problems.add(new Problem(where, "has " + row.size() + " fields, the header has " + header.size()));
                return;
            }
            fromText(read, where, row.get(header.indexOf("kind")), row.get(header.indexOf("name")),
                    row.get(header.indexOf("from")), row.get(header.indexOf("to")));
        }, open -> read.problems.add(new Problem("line " + open.line(), CsvUpload.NEVER_CLOSED)));
        return apply(schoolId, read, source, actor);
    }

    /**
     * Every VEVENT is one entry: its kind from CATEGORIES (a {@link SchoolCalendar.Kind} name) or else from
     * its SUMMARY ("Autumn term", "Half term", "INSET day", "Bank holiday", "School closed"); all-day events'
     * DTEND is the day after, as RFC 5545 says.
     */
    @Transactional
    public Report importIcs(String schoolId, Reader ics, String source, String actor) throws IOException {
        Calendar parsed;
        try {
            parsed = new CalendarBuilder().build(withoutByteOrderMark(ics));
        } catch (ParserException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^Error at line \\d+:\\s*", "");
            throw new RefusedFileException("The iCalendar file cannot be read at line " + e.getLineNo() + ": "
                    + Problems.shorten(reason) + ". Nothing was imported");
        }
        Read read = new Read();
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            read.count++;
            String uid = text(event, Property.UID);
            String where = uid.isEmpty() ? "event " + (i + 1) : "event UID " + Problems.shorten(uid);
            String summary = text(event, Property.SUMMARY);
            Optional<SchoolCalendar.Kind> kind = kindOf(event.getProperties(Property.CATEGORIES).stream()
                    .map(Property::getValue).collect(Collectors.joining(",")), summary);
            Optional<LocalDate> from = event.getStartDate().map(start -> day((DateProperty<?>) start, false));
            if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
                read.problems.add(new Problem(where, "repeats (RRULE or RDATE); list each term or closure as an event of its own"));
            } else if (kind.isEmpty()) {
                read.problems.add(new Problem(where, "'" + Problems.shorten(summary) + "' is not a term, half-term, INSET day,"
                        + " bank holiday or closure; say which in CATEGORIES (" + List.of(SchoolCalendar.Kind.values()) + ")"));
            } else if (from.isEmpty()) {
                read.problems.add(new Problem(where, "has no DTSTART"));
            } else {
                LocalDate to = event.getEndDate(false).map(end -> day((DateProperty<?>) end, true)).orElse(from.get());
                checked(read, new Entry(where, kind.get(), summary.isEmpty() ? null : summary, from.get(), to));
            }
        }
        return apply(schoolId, read, source, actor);
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).map(String::strip).orElse("");
    }

    /** The school day a DTSTART or DTEND names; an end at midnight (all-day events') belongs to the day before. */
    private static LocalDate day(DateProperty<?> property, boolean end) {
        Temporal value = property.getDate();
        LocalDateTime local;
        if (value instanceof LocalDate date) {
            return end ? date.minusDays(1) : date;
        } else if (value instanceof ZonedDateTime zoned) {
            local = zoned.withZoneSameInstant(EngineClock.SCHOOL_ZONE).toLocalDateTime();
        } else if (value instanceof OffsetDateTime offset) {
            local = offset.atZoneSameInstant(EngineClock.SCHOOL_ZONE).toLocalDateTime();
        } else if (value instanceof Instant instant) {
            local = instant.atZone(EngineClock.SCHOOL_ZONE).toLocalDateTime();
        } else {
            local = LocalDateTime.from(value);
        }
        return end && local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** A kind by its name, as the API and CSV give it ("HALF_TERM", "half-term" and "Half term" alike). */
    static Optional<SchoolCalendar.Kind> kindNamed(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (SchoolCalendar.Kind kind : SchoolCalendar.Kind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** An event's kind: named in CATEGORIES, else told by the words of its categories and summary. */
    static Optional<SchoolCalendar.Kind> kindOf(String categories, String summary) {
        for (String category : categories.split(",")) {
            Optional<SchoolCalendar.Kind> named = kindNamed(category);
            if (named.isPresent()) {
                return named;
            }
        }
        String text = (categories + " " + summary).toLowerCase(Locale.ROOT);
        if (text.contains("inset") || text.contains("training day") || text.contains("staff development")) {
            return Optional.of(SchoolCalendar.Kind.INSET);
        }
        if (text.contains("half term") || text.contains("half-term")) {
            return Optional.of(SchoolCalendar.Kind.HALF_TERM);
        }
        if (text.contains("bank holiday")) {
            return Optional.of(SchoolCalendar.Kind.BANK_HOLIDAY);
        }
        if (text.contains("closed") || text.contains("closure") || text.contains("holiday")) {
            return Optional.of(SchoolCalendar.Kind.CLOSURE);
        }
        if (text.contains("term")) {
            return Optional.of(SchoolCalendar.Kind.TERM);
        }
        return Optional.empty();
    }

    private static void fromText(Read read, String where, String kindText, String name, String fromText, String toText) {
        Optional<SchoolCalendar.Kind> kind = blank(kindText) ? Optional.empty() : kindNamed(kindText);
        if (kind.isEmpty()) {
            read.problems.add(new Problem(where, "kind '" + Problems.shorten(kindText) + "' is not one of "
                    + List.of(SchoolCalendar.Kind.values())));
            return;
        }
        try {
            LocalDate from = LocalDate.parse(fromText == null ? "" : fromText.strip());
            LocalDate to = blank(toText) ? from : LocalDate.parse(toText.strip());
            checked(read, new Entry(where, kind.get(), blank(name) ? null : name.strip(), from, to));
        } catch (DateTimeParseException e) {
            read.problems.add(new Problem(where, "'" + Problems.shorten(e.getParsedString()) + "' is not a date (YYYY-MM-DD)"));
        }
    }

    private static void checked(Read read, Entry entry) {
        String problem = null;
        if (entry.to().isBefore(entry.from())) {
            problem = "ends (" + entry.to() + ") before it starts (" + entry.from() + ")";
        } else if (ChronoUnit.DAYS.between(entry.from(), entry.to()) >= LONGEST_ENTRY_DAYS) {
            problem = "lasts more than a year";
        } else if (entry.kind() == SchoolCalendar.Kind.TERM && entry.name() == null) {
            problem = "a term needs a name (e.g. Autumn 1)";
        } else if (entry.name() != null && entry.name().length() > (entry.kind() == SchoolCalendar.Kind.TERM ? 60 : 200)) {
            problem = "the name is too long";
        }
        if (problem == null) {
            read.entries.add(entry);
        } else {
            read.problems.add(new Problem(entry.where(), problem));
        }
    }

    private Report apply(String schoolId, Read read, String source, String actor) {
        List<SchoolCalendar.Term> terms = new ArrayList<>(calendar.terms(schoolId));
        int added = 0;
        int unchanged = 0;
        for (Entry entry : read.entries) {
            boolean changed = false;
            if (entry.kind() == SchoolCalendar.Kind.TERM) {
                Optional<SchoolCalendar.Term> clash = terms.stream()
                        .filter(term -> !(term.startsOn().equals(entry.from()) && term.endsOn().equals(entry.to())))
                        .filter(term -> !entry.from().isAfter(term.endsOn()) && !entry.to().isBefore(term.startsOn()))
                        .findFirst();
                if (clash.isPresent()) {
                    read.problems.add(new Problem(entry.where(), "overlaps the term '" + clash.get().name() + "' ("
                            + clash.get().startsOn() + " to " + clash.get().endsOn() + ")"));
                    continue;
                }
                changed = calendar.addTerm(schoolId, entry.name(), entry.from(), entry.to());
                terms.add(new SchoolCalendar.Term(entry.name(), entry.from(), entry.to()));
            } else {
                for (LocalDate day = entry.from(); !day.isAfter(entry.to()); day = day.plusDays(1)) {
                    changed |= calendar.addClosure(schoolId, day, entry.kind(),
                            entry.name() == null ? entry.kind().label() : entry.name());
                }
            }
            if (changed) {
                added++;
            } else {
                unchanged++;
            }
        }
        Report report = new Report(read.count, added, unchanged, read.problems.size(), List.copyOf(read.problems));
        audit.record(actor, "CALENDAR_IMPORTED", "school", schoolId, "%s: %d read, %d added, %d unchanged, %d rejected"
                .formatted(Problems.shorten(source), report.read(), added, unchanged, report.rejected()));
        return report;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Spreadsheets and calendar apps often start UTF-8 files with a byte-order mark. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
