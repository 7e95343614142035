package org.doorstep.trigger;

import static org.doorstep.security.Roles.DSL;

import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.web.HomeSection;
import org.springframework.stereotype.Component;

/**
 * Home for the safeguarding lead: how many concerns wait for their decision, from the door, from visits
 * and from absence cases, with the way to their inbox. Only the count: the concerns are read there.
 */
@Component
class SafeguardingWaiting implements HomeSection {

    /** The DSL's decisions on a concern, in the visit and the absence case. */
    private static final String[] CONCERN_STEPS = Stream.of(HomeVisitProcess.Elements.DSL_ACT_ON_CONCERN_AT_DOOR,
            HomeVisitProcess.Elements.DSL_REVIEW, AbsenceCaseProcess.Elements.DSL_REVIEW, AbsenceCaseProcess.Elements.CME_REFERRAL,
            AbsenceCaseProcess.Elements.DECIDE_ON_MISSED_MUST_VISIT).distinct().toArray(String[]::new);

    private final TaskService tasks;

    SafeguardingWaiting(TaskService tasks) {
        this.tasks = tasks;
    }

    record Data(long waiting) {
    }

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        if (!viewer.inAny(DSL) || viewer.schools().isEmpty()) {
            return Optional.empty();
        }
        long waiting = tasks.createTaskQuery().tenantIdIn(viewer.schools().toArray(String[]::new)).taskDefinitionKeyIn(CONCERN_STEPS)
                .or().taskCandidateGroupIn(viewer.groups()).taskAssignee(viewer.userId()).endOr().count();
        return Optional.of(new Shown(10, "home/safeguarding-waiting", new Data(waiting)));
    }
}
