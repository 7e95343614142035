package org.doorstep.trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;
import java.util.TreeSet;
import org.doorstep.records.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the daily register (CSV, one row per pupil per session) into attendance_mark.
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
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditTrail audit;

    AttendanceImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
    }

    public record RowProblem(int line, String reason) {
    }

    public record ImportReport(long importId, int rowsRead, int added, int corrected, int unchanged,
            List<RowProblem> rejected) {
    }

    /** The header is missing or wrong: nothing in the file can be trusted, so none of it is read. */
    public static class RefusedFileException extends RuntimeException {
        public RefusedFileException(String message) {
            super(message);
        }
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
        LocalDate today = TriggerClock.today();
        Map<String, String> schoolOfPupil = new HashMap<>();
        jdbc.sql("SELECT id, school_id FROM pupil")
                .query(rs -> {
                    if (schoolAllowed.test(rs.getString(2))) {
                        schoolOfPupil.put(rs.getString(1), rs.getString(2));
                    }
                });
        List<RowProblem> problems = new ArrayList<>();
        Map<Key, Row> rows = new LinkedHashMap<>();
        int read = parse(csv, today, schoolOfPupil, problems, rows);

        Map<Key, Existing> existing = existingMarks(rows);
        long importId = startImport(source, importedBy);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
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
                .params(read, inserts.size(), updates.size(), unchanged, problems.size(), importId).update();
        ImportReport report = new ImportReport(importId, read, inserts.size(), updates.size(), unchanged, List.copyOf(problems));
        audit.record(importedBy, "ATTENDANCE_IMPORTED", "attendance_import", String.valueOf(importId),
                "%s: %d rows, %d added, %d corrected, %d unchanged, %d rejected".formatted(source, read,
                        report.added(), report.corrected(), report.unchanged(), problems.size()));
        return report;
    }

    private int parse(Reader csv, LocalDate today, Map<String, String> schoolOfPupil, List<RowProblem> problems,
            Map<Key, Row> rows) {
        Map<Key, Integer> firstLine = new HashMap<>();
        int read = 0;
        try (BufferedReader in = new BufferedReader(csv, 1 << 16)) {
            String header = in.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !HEADER.equals(header.strip().toLowerCase(Locale.ROOT).replace(" ", ""))) {
                throw new RefusedFileException("The first line must be the header '" + HEADER + "'; the file was not imported");
            }
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                read++;
                String problem = null;
                String[] fields = line.split(",", -1);
                Row row = null;
                if (fields.length != 4) {
                    problem = "malformed: expected 4 fields (" + HEADER + "), found " + fields.length;
                } else {
                    String pupilId = fields[0].strip();
                    String session = fields[2].strip().toUpperCase(Locale.ROOT);
                    String codeText = fields[3].strip();
                    LocalDate date = null;
                    try {
                        date = LocalDate.parse(fields[1].strip());
                    } catch (DateTimeParseException e) {
                        problem = "malformed: date '" + fields[1].strip() + "' is not YYYY-MM-DD";
                    }
                    String schoolId = schoolOfPupil.get(pupilId);
                    AttendanceCode code = AttendanceCode.of(codeText).orElse(null);
                    if (problem != null) {
                        // already described
                    } else if (!session.equals("AM") && !session.equals("PM")) {
                        problem = "malformed: session '" + fields[2].strip() + "' is not AM or PM";
                    } else if (schoolId == null) {
                        problem = "unknown pupil '" + pupilId + "'";
                    } else if (code == null) {
                        problem = "unknown attendance code '" + codeText + "'";
                    } else if (date.isAfter(today)) {
                        problem = "date " + date + " is in the future";
                    } else {
                        Key key = new Key(pupilId, date, session);
                        Integer earlier = firstLine.putIfAbsent(key, lineNumber);
                        if (earlier != null) {
                            problem = "the same pupil and session already appears on line " + earlier;
                        } else {
                            row = new Row(lineNumber, key, schoolId, code);
                        }
                    }
                }
                if (problem != null) {
                    problems.add(new RowProblem(lineNumber, problem));
                } else {
                    rows.put(row.key(), row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    private Map<Key, Existing> existingMarks(Map<Key, Row> rows) {
        Set<LocalDate> dates = new TreeSet<>();
        rows.keySet().forEach(key -> dates.add(key.date()));
        Map<Key, Existing> existing = new HashMap<>();
        for (LocalDate date : dates) {
            jdbc.sql("SELECT pupil_id, session, code, import_id FROM attendance_mark WHERE session_date = ?")
                    .param(Date.valueOf(date))
                    .query(rs -> {
                        existing.put(new Key(rs.getString(1), date, rs.getString(2)),
                                new Existing(rs.getString(3), rs.getLong(4)));
                    });
        }
        return existing;
    }

    private long startImport(String source, String importedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attendance_import (source, imported_by, imported_at, rows_read, rows_added, rows_corrected,
                    rows_unchanged, rows_rejected) VALUES (?, ?, ?, 0, 0, 0, 0, 0)""")
                .params(source == null ? null : source.substring(0, Math.min(200, source.length())), importedBy,
                        Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbcTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
