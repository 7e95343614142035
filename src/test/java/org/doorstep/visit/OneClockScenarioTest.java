package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_POSTED;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.Documents;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 item 14, one clock: a visit's time line is the engine's. The engine runs a week before the
 * machine's wall clock here, so anything dated by the wall clock would stand out by days.
 */
@DoorstepTest
class OneClockScenarioTest extends VisitScenarios {

    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    @Test
    void aVisitsRequestAuditEntriesNotesAndDocumentsAreDatedByTheEngineClock() {
        ProcessInstance visit = request();
        String reference = visit.getBusinessKey();
        assertThat(jdbc.sql("SELECT requested_at FROM visit WHERE reference = ?").param(reference)
                .query(Instant.class).single()).isEqualTo(NOW);
        goToTheDoor(visit);

        // Thames View 3.4: nobody comes in 20 minutes; the card is written when the wait ends.
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(20));
        Instant cardWritten = NOW.plus(Duration.ofMinutes(20));
        assertThat(documents.documents(reference)).isNotEmpty()
                .allSatisfy(document -> assertThat(document.createdAt()).isEqualTo(cardWritten));

        timePasses(Duration.ofMinutes(7));
        Instant cancellationRecorded = cardWritten.plus(Duration.ofMinutes(7));
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));
        assertThat(notes.notes(reference, true)).filteredOn(note -> note.kind() == NoteKind.CANCELLATION)
                .singleElement().extracting(VisitNotes.Note::createdAt).isEqualTo(cancellationRecorded);

        assertThat(audit.events("visit", reference)).extracting(AuditTrail.AuditEvent::occurredAt)
                .contains(NOW, cardWritten, cancellationRecorded)
                .allSatisfy(at -> assertThat(at).isBetween(NOW, cancellationRecorded));
    }
}
