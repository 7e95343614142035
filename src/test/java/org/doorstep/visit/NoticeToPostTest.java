package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_POSTED;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.Documents;
import org.doorstep.workflow.EngineClock;
import org.junit.jupiter.api.Test;

/**
 * The no-answer notice waits on the office's list of documents to post until the visiting staff say they
 * posted it through the door (Thames View 3.4): the office is not asked to post it twice.
 */
@DoorstepTest
class NoticeToPostTest extends VisitScenarios {

    private static final List<String> KINDS = Arrays.stream(DocumentsToPost.Kind.values()).map(Enum::name).toList();

    @Test
    void theNoticeLeavesTheListWhenTheStaffPostItThroughTheDoor() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        timerFiresAfterExactly(visit, HomeVisitProcess.Elements.PARENT_WAIT_OVER, Duration.ofMinutes(20));
        long notice = variable(visit, NOTICE_DOCUMENT_ID);
        assertThat(waitingToPost()).as("the notice waits to be posted").contains(notice);

        complete(visit, HomeVisitProcess.Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));

        assertThat(waitingToPost()).as("posted through the door by the staff").doesNotContain(notice);
    }

    private List<Long> waitingToPost() {
        return documents.waitingToPost(Set.of("thames-view-junior"), KINDS, EngineClock.now().minus(Duration.ofDays(1)), 10_000)
                .stream().map(Documents.ToPost::id).toList();
    }
}
