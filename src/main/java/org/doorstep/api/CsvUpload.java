package org.doorstep.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file as schools' systems export it: RFC 4180 quoting (commas, quotes and line breaks
 * inside a quoted field), a UTF-8 byte-order mark, CRLF or LF, and comma- or semicolon-separated (the
 * header decides: Excel in many locales writes semicolons). Rows carry the line of the file they start
 * on, so problems can be reported where the school will find them; blank lines are skipped.
 */
public final class CsvUpload {

    /** What an import reports at the line {@link #forEachRow} hands to {@code malformed}. */
    public static final String NEVER_CLOSED =
            "malformed: a quoted field starting on this line is never closed; the rest of the file was not read";

    private static final char BOM = '\uFEFF';
    private static final int HEADER_LOOKAHEAD = 1 << 16;

    /** A row: its fields, and the file line it starts on (the header is line 1). */
    public record Row(int line, List<String> fields) {

        public int size() {
            return fields.size();
        }

        public String get(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    private final List<String> header;
    private final CSVParser parser;

    private CsvUpload(List<String> header, CSVParser parser) {
        this.header = header;
        this.parser = parser;
    }

    /** Reads the header (lower case, spaces as underscores); an empty file has an empty header. */
    public static CsvUpload open(Reader in) {
        try {
            BufferedReader reader = new BufferedReader(in, HEADER_LOOKAHEAD);
            reader.mark(HEADER_LOOKAHEAD);
            int first = reader.read();
            if (first != BOM) {
                reader.reset();
            }
            reader.mark(HEADER_LOOKAHEAD);
            String headerLine = reader.readLine();
            reader.reset();
            char delimiter = headerLine != null && headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
            CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(reader);
            return new CsvUpload(header(parser.iterator()), parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next().stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT).replace(' ', '_')).toList() : List.of();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            // Without its header no row can be read: the whole file is the school's to mend, not a server error.
            throw new RefusedFileException("The first line is not valid CSV: a double quote in it is never closed or is followed"
                    + " by more text before the next separator; nothing was imported");
        }
    }

    public List<String> header() {
        return header;
    }

    /**
     * Hands each non-blank row to the consumer in file order. A quoted field left open runs to the end of
     * the file: that is reported to {@code malformed} with the line it starts on, and reading stops there.
     */
    public void forEachRow(Consumer<Row> consumer, Consumer<Row> malformed) {
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            int line = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException | NoSuchElementException e) {
                malformed.accept(new Row(line, List.of()));
                return;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            consumer.accept(new Row(line, record.toList()));
        }
    }
}
