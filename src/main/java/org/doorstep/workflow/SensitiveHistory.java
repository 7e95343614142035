package org.doorstep.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps safeguarding text out of Camunda's history: the engine's database history handler is
 * replaced by one that, for every variable declared by a {@link SensitiveVariables}, writes
 * {@link #REDACTED} instead of the value into ACT_HI_VARINST and ACT_HI_DETAIL (variable updates
 * and the form fields {@code submit-form} records) and into ACT_HI_OP_LOG. The value is redacted
 * before the row is written, so there is nothing to purge afterwards and nothing for Cockpit,
 * {@code /engine-rest/history/*} or a database dump to show; the text itself lives only in the
 * audited need-to-know records.
 */
@Component
public class SensitiveHistory extends AbstractProcessEnginePlugin {

    /** What history shows in place of a sensitive value. */
    public static final String REDACTED = "[not kept in history: see the need-to-know notes]";

    private static final Logger log = LoggerFactory.getLogger(SensitiveHistory.class);

    private final ObjectProvider<SensitiveVariables> declarations;
    private final ObjectProvider<JdbcClient> jdbc;
    private volatile Set<String> names;

    SensitiveHistory(ObjectProvider<SensitiveVariables> declarations, ObjectProvider<JdbcClient> jdbc) {
        this.declarations = declarations;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new RedactingDbHistoryEventHandler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the variable or form field is declared sensitive by any feature. */
    public boolean isSensitive(String variableName) {
        return variableName != null && names().contains(variableName);
    }

    /**
     * The declared names, gathered on first use rather than at start-up: the declaring delegates are
     * beans that may need the engine, which this plugin helps to build.
     */
    private Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = declarations.orderedStream().flatMap(declaration -> declaration.sensitiveVariables().stream())
                    .map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
            names = known;
        }
        return known;
    }

    /**
     * Writes the marker over what earlier versions of Doorstep left in history (the form fields of
     * {@code submit-form}, variable updates, operation log values), once the engine and its tables
     * are up. Idempotent: a row already redacted is not touched again.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void redactWhatEarlierVersionsKept() {
        if (names().isEmpty()) {
            return;
        }
        JdbcClient db = jdbc.getObject();
        int rows = 0;
        for (String table : List.of("ACT_HI_DETAIL", "ACT_HI_VARINST")) {
            rows += db.sql("UPDATE " + table + " SET TEXT_ = :marker, TEXT2_ = NULL, LONG_ = NULL, DOUBLE_ = NULL"
                    + " WHERE NAME_ IN (:names) AND (TEXT_ IS NULL OR TEXT_ <> :marker)"
                    + " AND (TEXT_ IS NOT NULL OR TEXT2_ IS NOT NULL OR LONG_ IS NOT NULL OR DOUBLE_ IS NOT NULL)")
                    .param("marker", REDACTED).param("names", names()).update();
        }
        rows += db.sql("UPDATE ACT_HI_OP_LOG SET ORG_VALUE_ = CASE WHEN ORG_VALUE_ IS NULL THEN NULL ELSE :marker END,"
                + " NEW_VALUE_ = CASE WHEN NEW_VALUE_ IS NULL THEN NULL ELSE :marker END"
                + " WHERE PROPERTY_ IN (:names) AND (ORG_VALUE_ <> :marker OR NEW_VALUE_ <> :marker)")
                .param("marker", REDACTED).param("names", names()).update();
        if (rows > 0) {
            log.warn("Replaced {} history rows of safeguarding text ({}) with the redaction marker", rows, names());
        }
    }

    /** Redacts the event in place; the other handlers (if any) see the redacted event too. */
    void redact(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity update && isSensitive(update.getVariableName())
                && !ValueType.NULL.getName().equals(update.getSerializerName())) {
            update.setSerializerName(ValueType.STRING.getName());
            update.setTextValue(REDACTED);
            update.setTextValue2(null);
            update.setLongValue(null);
            update.setDoubleValue(null);
            update.setByteValue(null);
        } else if (event instanceof HistoricFormPropertyEventEntity field && isSensitive(field.getPropertyId())) {
            field.setPropertyValue(REDACTED);
        } else if (event instanceof UserOperationLogEntryEventEntity entry && isSensitive(entry.getProperty())) {
            entry.setOrgValue(entry.getOrgValue() == null ? null : REDACTED);
            entry.setNewValue(entry.getNewValue() == null ? null : REDACTED);
        }
    }

    private final class RedactingDbHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            redact(event);
            super.handleEvent(event);
        }
    }
}
