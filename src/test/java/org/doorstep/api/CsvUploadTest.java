package org.doorstep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvUploadTest {

    private final List<CsvUpload.Row> rows = new ArrayList<>();
    private final List<CsvUpload.Row> malformed = new ArrayList<>();

    private CsvUpload read(String csv) {
        CsvUpload file = CsvUpload.open(new StringReader(csv));
        file.forEachRow(rows::add, malformed::add);
        return file;
    }

    @Test
    void quotedCommasQuotesAndLineBreaksAreReadExactlyAndRowsKeepTheLineTheyStartOn() {
        read("a,b,c\n"
                + "1,\"Flat 2, Orchard House\",x\n"
                + "2,\"14 Mill Lane\n(side door)\",\"say \"\"hello\"\"\"\n"
                + "3,plain,z\n");

        assertThat(rows).extracting(CsvUpload.Row::line).containsExactly(2, 3, 5);
        assertThat(rows.get(0).get(1)).isEqualTo("Flat 2, Orchard House");
        assertThat(rows.get(1).get(1)).isEqualTo("14 Mill Lane\n(side door)");
        assertThat(rows.get(1).get(2)).isEqualTo("say \"hello\"");
        assertThat(rows.get(2).fields()).containsExactly("3", "plain", "z");
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreNotPartOfTheData() {
        CsvUpload file = read("\uFEFFPupil ID,Date\r\nT1,2026-11-23\r\n\r\nT2,2026-11-24\r\n");

        assertThat(file.header()).containsExactly("pupil_id", "date");
        assertThat(rows).extracting(CsvUpload.Row::line).containsExactly(2, 4);
        assertThat(rows.get(1).fields()).containsExactly("T2", "2026-11-24");
    }

    @Test
    void aSemicolonSeparatedExportIsReadByItsHeader() {
        CsvUpload file = read("pupil_id;date;am;pm\nT1;2026-11-23;/;\"a;b\"\n");

        assertThat(file.header()).containsExactly("pupil_id", "date", "am", "pm");
        assertThat(rows.get(0).fields()).containsExactly("T1", "2026-11-23", "/", "a;b");
    }

    @Test
    void aQuoteNeverClosedIsReportedAtTheLineItOpensAndReadingStops() {
        read("a,b\n1,ok\n2,\"never closed\n3,lost\n");

        assertThat(rows).extracting(CsvUpload.Row::line).containsExactly(2);
        assertThat(malformed).extracting(CsvUpload.Row::line).containsExactly(3);
    }

    @Test
    void aHeaderWhoseQuoteNeverClosesRefusesTheFileRatherThanFailing() {
        assertThatThrownBy(() -> CsvUpload.open(new StringReader("a,\"b\n1,2\n")))
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("first line is not valid CSV")
                .hasMessageContaining("never closed");
    }
}
