package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.DRILL;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a drill's watch puts before every task name, alert, board row and briefing line, so nobody
 * mistakes it for a real overdue visit (HSE INDG73: test the procedures, without a real emergency).
 */
final class DrillMark {

    static final String MARK = "DRILL: ";

    static boolean isDrill(VariableScope watch) {
        return Boolean.TRUE.equals(DRILL.get(watch));
    }

    static String marked(VariableScope watch, String text) {
        return marked(isDrill(watch), text);
    }

    static String marked(boolean drill, String text) {
        return drill && text != null ? MARK + text : text;
    }

    private DrillMark() {
    }
}
