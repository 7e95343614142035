package org.doorstep.trigger;

import static org.doorstep.api.Problems.shorten;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.doorstep.api.CsvUpload;
import org.doorstep.api.RefusedFileException;
import org.doorstep.database.TableStatistics;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.CommonTransferFile;
import org.doorstep.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the register into attendance_mark, from any of three layouts (docs/triggers.md): the CSV with one
 * row per pupil per session ({@link #HEADER}), the "wide" CSV with one row per pupil per day and AM and PM
 * columns ({@link #WIDE_HEADER}), or the attendance part of a Common Transfer File. CSV files are read
 * with a real CSV parser: quoted fields, BOM, CRLF and semicolon-separated exports all work.
 *
 * <p>The rule for bad input: the file's header must be right, or the whole file is refused. After
 * that every row stands alone: the good rows are applied, in one transaction, and each bad row is
 * reported with its line number and reason. Re-importing the same rows changes nothing; a row with a
 * different code for a session already marked is a correction: it replaces the mark and the replaced
 * mark goes to attendance_mark_history.
 */
@Service
public class AttendanceImport {

    public static final String HEADER = "pupil_id,date,session,code";
    /** One row per pupil per day, as many MIS "attendance by day" exports give it. */
    public static final String WIDE_HEADER = "pupil_id,date,am,pm";
    /** In a CTF's AttendanceMarks, a session with no mark (a weekend, a day not yet taken); unverified, see importCtf. */
    private static final String NO_MARK = "- ";
    private static final int BATCH = 2_000;
    /** Rejected rows listed in an import's answer; the rest are in the download. */
    public static final int REPORTED_PROBLEMS = 100;
    /** Register rows imported, by outcome (added, corrected, unchanged, rejected). */
    public static final String ROWS_METRIC = "doorstep.attendance.import.rows";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final TableStatistics statistics;
    private final ApplicationEventPublisher events;

    AttendanceImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditTrail audit, MeterRegistry meters,
            TableStatistics statistics, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
        this.meters = meters;
        this.statistics = statistics;
        this.events = events;
    }

    public record RowProblem(int line, String reason) {
    }

    /**
     * What an import did. {@code rejected} lists only the first {@link #REPORTED_PROBLEMS} problems, so that the
     * answer stays small whatever was sent; {@code rejectedCount} counts them all and {@code problemsUrl}
     * downloads them all as CSV.
     */
    public record ImportReport(long importId, int rowsRead, int added, int corrected, int unchanged, int rejectedCount,
            List<RowProblem> rejected, String problemsUrl) {
    }

    private record Key(String pupilId, LocalDate date, String session) {
    }

    private record Row(int line, Key key, String schoolId, AttendanceCode code) {
    }

    private record Existing(String code, long importId) {
    }

    @Transactional
    public ImportReport importCsv(Reader csv, String source, String importedBy) {
        return importCsv(csv, source, importedBy, school -> true);
    }

    /**
     * Imports only marks of pupils at the schools the importer works for: a pupil of another school
     * is reported as unknown, so a register cannot reveal or change another school's pupils.
     */
    @Transactional
    public ImportReport importCsv(Reader csv, String source, String importedBy, Predicate<String> schoolAllowed) {
        CsvUpload file = CsvUpload.open(csv);
        boolean wide = isHeader(file.header(), WIDE_HEADER);
        if (!wide && !isHeader(file.header(), HEADER)) {
            throw new RefusedFileException("The first line must be the header '" + HEADER + "' (one row per session) or '"
                    + WIDE_HEADER + "' (one row per day); the file was not imported");
        }
        return importMarks(source, importedBy, schoolAllowed, marks -> {
            file.forEachRow(row -> {
                marks.read++;
                if (row.size() != 4) {
                    marks.problem(row.line(), "malformed: expected 4 fields (" + (wide ? WIDE_HEADER : HEADER) + "), found " + row.size());
                } else if (!wide) {
                    marks.mark(row.line(), "", row.get(0), row.get(1), row.get(2), row.get(3));
                } else {
                    for (String session : List.of("AM", "PM")) {
                        String code = row.get(session.equals("AM") ? 2 : 3);
                        if (!code.isEmpty()) {
                            marks.mark(row.line(), session + ": ", row.get(0), row.get(1), session, code);
                        }
                    }
                }
            }, open -> marks.problem(open.line(), CsvUpload.NEVER_CLOSED));
        });
    }

    /**
     * The attendance part of a Common Transfer File (CTF 21 specification v1.1, 3.1.12): for each pupil (by
     * UPN) and each Attendance/YearData, AttendSessions/AttendanceMarks holds one mark a session, AM then PM,
     * day by day from AttendanceStartDate, a space or '-' being a session without a mark. That reading of the
     * string (one character a session, AM first, every calendar day counted, what a blank means) is ours:
     * the specification's text defining it was not available to us, so it is unverified. One shipping MIS
     * writes two characters for every school-calendar date and '#' for both sessions of a day not in
     * session, which we store as that code (planned closure, not counted).
     */
    @Transactional
    public ImportReport importCtf(InputStream xml, String source, String importedBy, Predicate<String> schoolAllowed) {
        CommonTransferFile.Content file = CommonTransferFile.read(xml);
        return importMarks(source, importedBy, schoolAllowed, marks -> {
            for (CommonTransferFile.AttendanceYear year : file.attendance()) {
                String where = year.path() + "/";
                if (year.upn() == null || !marks.schoolOfPupil.containsKey(year.upn())) {
                    marks.read++;
                    marks.problem(year.line(), year.path() + ": unknown pupil '" + shorten(year.upn()) + "'");
                    continue;
                }
                LocalDate start;
                try {
                    start = LocalDate.parse(year.startDate() == null ? "" : year.startDate());
                } catch (DateTimeParseException e) {
                    marks.read++;
                    marks.problem(year.line(), where + "AttendSessions/AttendanceStartDate: '" + shorten(year.startDate()) + "' is not YYYY-MM-DD");
                    continue;
                }
                String sessions = year.marks() == null ? "" : year.marks();
                for (int i = 0; i < sessions.length(); i++) {
                    String code = String.valueOf(sessions.charAt(i));
                    if (NO_MARK.contains(code)) {
                        continue;
                    }
                    marks.read++;
                    String session = i % 2 == 0 ? "AM" : "PM";
                    LocalDate day = start.plusDays(i / 2);
                    marks.mark(year.line(), where + "AttendSessions/AttendanceMarks, " + day + " " + session + ": ", year.upn(), day.toString(),
                            session, code);
                }
            }
        });
    }

    private static boolean isHeader(List<String> header, String expected) {
        return String.join(",", header).equals(expected);
    }

    /** The marks of one file, checked one by one as a reader hands them over. */
    private static final class Marks {

        private final LocalDate today = EngineClock.today();
        private final Map<String, String> schoolOfPupil;
        private final Map<String, LocalDate> leftOn;
        private final Map<Integer, String> problems = new LinkedHashMap<>();
        private final Map<Key, Row> rows = new LinkedHashMap<>();
        private final Map<Key, Integer> firstLine = new HashMap<>();
        private int read;

        Marks(Map<String, String> schoolOfPupil, Map<String, LocalDate> leftOn) {
            this.schoolOfPupil = schoolOfPupil;
            this.leftOn = leftOn;
        }

        /** Problems on one line (a wide row's two sessions, one CTF element) are told together. */
        void problem(int line, String reason) {
            problems.merge(line, reason, (first, next) -> first + "; " + next);
        }

        void mark(int line, String where, String pupilId, String dateText, String sessionText, String codeText) {
            String session = sessionText.toUpperCase(Locale.ROOT);
            LocalDate date = null;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problem(line, where + "malformed: date '" + shorten(dateText) + "' is not YYYY-MM-DD");
                return;
            }
            String schoolId = schoolOfPupil.get(pupilId);
            AttendanceCode code = AttendanceCode.of(codeText).orElse(null);
            if (!session.equals("AM") && !session.equals("PM")) {
                problem(line, where + "malformed: session '" + shorten(sessionText) + "' is not AM or PM");
            } else if (schoolId == null) {
                problem(line, where + "unknown pupil '" + shorten(pupilId) + "'");
            } else if (code == null) {
                problem(line, where + "unknown attendance code '" + shorten(codeText) + "'");
            } else if (date.isAfter(today)) {
                problem(line, where + "date " + date + " is in the future");
            } else if (leftOn.containsKey(pupilId) && !date.isBefore(leftOn.get(pupilId))) {
                // a leaver's later marks would open absence cases for a child no longer on the roll
                problem(line, where + "pupil '" + shorten(pupilId) + "' left the school on " + leftOn.get(pupilId));
            } else {
                Key key = new Key(pupilId, date, session);
                Integer earlier = firstLine.putIfAbsent(key, line);
                if (earlier != null) {
                    problem(line, where + "the same pupil and session already appears on line " + earlier);
                } else {
                    rows.put(key, new Row(line, key, schoolId, code));
                }
            }
        }
    }

    private ImportReport importMarks(String source, String importedBy, Predicate<String> schoolAllowed, Consumer<Marks> reader) {
        Map<String, String> schoolOfPupil = new HashMap<>();
        Map<String, LocalDate> leftOn = new HashMap<>();
        jdbc.sql("SELECT id, school_id, left_on FROM pupil")
                .query(rs -> {
                    if (schoolAllowed.test(rs.getString(2))) {
                        schoolOfPupil.put(rs.getString(1), rs.getString(2));
                        if (rs.getDate(3) != null) {
                            leftOn.put(rs.getString(1), rs.getDate(3).toLocalDate());
                        }
                    }
                });
        Marks marks = new Marks(schoolOfPupil, leftOn);
        reader.accept(marks);
        long importId = startImport(source, importedBy);
        ProblemList problems = new ProblemList(importId);
        marks.problems.forEach((line, reason) -> problems.add(new RowProblem(line, reason)));
        problems.flush();
        Map<Key, Row> rows = marks.rows;
        int read = marks.read;

        Map<Key, Existing> existing = existingMarks(rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp now = Timestamp.from(EngineClock.now());
        int unchanged = 0;
        for (Row row : rows.values()) {
            Existing before = existing.get(row.key());
            AttendanceCode code = row.code();
            if (before == null) {
                inserts.add(new Object[] {row.key().pupilId(), Date.valueOf(row.key().date()), row.key().session(),
                        row.schoolId(), code.code(), code.category().letter(), code.seen(), importId});
            } else if (before.code().equals(code.code())) {
                unchanged++;
            } else {
                updates.add(new Object[] {code.code(), code.category().letter(), code.seen(), importId,
                        row.key().pupilId(), Date.valueOf(row.key().date()), row.key().session()});
                history.add(new Object[] {row.key().pupilId(), Date.valueOf(row.key().date()), row.key().session(),
                        before.code(), code.code(), before.importId(), importId, now});
            }
        }
        batch("""
                INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        batch("""
                UPDATE attendance_mark SET code = ?, category = ?, seen = ?, import_id = ?
                WHERE pupil_id = ? AND session_date = ? AND session = ?""", updates);
        batch("""
                INSERT INTO attendance_mark_history (pupil_id, session_date, session, old_code, new_code, old_import_id,
                    new_import_id, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", history);
        jdbc.sql("""
                UPDATE attendance_import SET rows_read = ?, rows_added = ?, rows_corrected = ?, rows_unchanged = ?,
                    rows_rejected = ? WHERE id = ?""")
                .params(read, inserts.size(), updates.size(), unchanged, problems.count, importId).update();
        ImportReport report = new ImportReport(importId, read, inserts.size(), updates.size(), unchanged, problems.count,
                List.copyOf(problems.first), problems.count == 0 ? null : problemsUrl(importId));
        audit.record(importedBy, "ATTENDANCE_IMPORTED", "attendance_import", String.valueOf(importId),
                "%s: %d rows, %d added, %d corrected, %d unchanged, %d rejected".formatted(source, read,
                        report.added(), report.corrected(), report.unchanged(), problems.count));
        // The evaluation that follows reads the day's marks by school and date, and each absent pupil's history.
        statistics.refreshAfterImport(inserts.size() + updates.size(), List.of("attendance_mark"));
        count("added", report.added());
        count("corrected", report.corrected());
        count("unchanged", report.unchanged());
        count("rejected", report.rejectedCount());
        events.publishEvent(new AttendanceImported(importId, report.corrected()));
        return report;
    }

    static String problemsUrl(long importId) {
        return "/api/attendance/imports/" + importId + "/problems";
    }

    private void count(String outcome, int rows) {
        meters.counter(ROWS_METRIC, "outcome", outcome).increment(rows);
    }

    /** Who imported it, or null if there is no such import. */
    public Optional<String> importedBy(long importId) {
        return jdbc.sql("SELECT imported_by FROM attendance_import WHERE id = ?").param(importId).query(String.class).optional();
    }

    /** Every rejected row of the import, in line order, as CSV (line,reason). */
    public void writeProblems(long importId, Writer out) {
        PrintWriter csv = new PrintWriter(out);
        csv.print("line,reason\r\n");
        jdbc.sql("SELECT line, reason FROM attendance_import_problem WHERE import_id = ? ORDER BY line").param(importId)
                .query(rs -> {
                    csv.print(rs.getInt(1) + ",\"" + rs.getString(2).replace("\"", "\"\"") + "\"\r\n");
                });
        csv.flush();
    }

    /** Keeps the first problems for the answer and writes every problem to the import's list in batches. */
    private final class ProblemList {

        private static final int REASON_LENGTH = 300;

        private final long importId;
        private final List<RowProblem> first = new ArrayList<>();
        private final List<Object[]> pending = new ArrayList<>();
        private int count;

        ProblemList(long importId) {
            this.importId = importId;
        }

        void add(RowProblem problem) {
            count++;
            if (first.size() < REPORTED_PROBLEMS) {
                first.add(problem);
            }
            String reason = problem.reason().length() <= REASON_LENGTH ? problem.reason() : problem.reason().substring(0, REASON_LENGTH);
            pending.add(new Object[] {importId, problem.line(), reason});
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            batch("INSERT INTO attendance_import_problem (import_id, line, reason) VALUES (?, ?, ?)", pending);
            pending.clear();
        }
    }

    /**
     * The marks already held for the file's sessions, read in one query per school over the file's dates
     * (the school-and-date index), instead of one unindexed query per date: a re-import of a long register
     * was twelve times slower than the first import.
     */
    private Map<Key, Existing> existingMarks(Map<Key, Row> rows) {
        Map<String, LocalDate[]> datesOfSchool = new HashMap<>();
        rows.values().forEach(row -> datesOfSchool.merge(row.schoolId(), new LocalDate[] {row.key().date(), row.key().date()},
                (range, one) -> new LocalDate[] {min(range[0], one[0]), max(range[1], one[1])}));
        Map<Key, Existing> existing = new HashMap<>();
        datesOfSchool.forEach((school, range) -> jdbc.sql("""
                SELECT pupil_id, session_date, session, code, import_id FROM attendance_mark
                WHERE school_id = ? AND session_date BETWEEN ? AND ?""")
                .params(school, Date.valueOf(range[0]), Date.valueOf(range[1]))
                .query(rs -> {
                    Key key = new Key(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3));
                    if (rows.containsKey(key)) {
                        existing.put(key, new Existing(rs.getString(4), rs.getLong(5)));
                    }
                }));
        return existing;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private long startImport(String source, String importedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attendance_import (source, imported_by, imported_at, rows_read, rows_added, rows_corrected,
                    rows_unchanged, rows_rejected) VALUES (?, ?, ?, 0, 0, 0, 0, 0)""")
                .params(source == null ? null : source.substring(0, Math.min(200, source.length())), importedBy,
                        Timestamp.from(EngineClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
