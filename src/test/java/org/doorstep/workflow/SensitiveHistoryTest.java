package org.doorstep.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What reaches the history tables in place of a value declared sensitive, whatever its type. */
class SensitiveHistoryTest {

    static final ProcessVariable<String> DETAILS = ProcessVariable.of("safeguardingDetails", String.class);

    static final StaticListableBeanFactory BEANS = new StaticListableBeanFactory(
            Map.of("fileVisitRecord", (SensitiveVariables) () -> List.of(DETAILS)));

    final SensitiveHistory history = new SensitiveHistory(BEANS.getBeanProvider(SensitiveVariables.class),
            BEANS.getBeanProvider(JdbcClient.class));

    static HistoricVariableUpdateEventEntity update(String name, String serializer, String text, byte[] bytes) {
        HistoricVariableUpdateEventEntity update = new HistoricVariableUpdateEventEntity();
        update.setVariableName(name);
        update.setSerializerName(serializer);
        update.setTextValue(text);
        update.setTextValue2(text);
        update.setByteValue(bytes);
        return update;
    }

    @Test
    void aSensitiveTextVariableIsWrittenAsTheMarker() {
        HistoricVariableUpdateEventEntity update = update("safeguardingDetails", "string", "disclosed something", null);
        history.redact(update);
        assertThat(update.getTextValue()).isEqualTo(SensitiveHistory.REDACTED);
        assertThat(update.getTextValue2()).isNull();
    }

    @Test
    void aSensitiveVariableSentAsAnObjectOrJsonLosesItsBytesToo() {
        HistoricVariableUpdateEventEntity update = update("safeguardingDetails", "serializable", null, "disclosed".getBytes());
        history.redact(update);
        assertThat(update.getByteValue()).isNull();
        assertThat(update.getSerializerName()).isEqualTo("string");
        assertThat(update.getTextValue()).isEqualTo(SensitiveHistory.REDACTED);
    }

    @Test
    void otherVariablesAreKeptAsTheyAre() {
        HistoricVariableUpdateEventEntity update = update("visitOutcome", "string", "Parent agreed", null);
        history.redact(update);
        assertThat(update.getTextValue()).isEqualTo("Parent agreed");
    }

    @Test
    void aFormFieldRecordedBySubmitFormIsWrittenAsTheMarker() {
        HistoricFormPropertyEventEntity field = new HistoricFormPropertyEventEntity();
        field.setPropertyId("safeguardingDetails");
        field.setPropertyValue("disclosed something");
        history.redact(field);
        assertThat(field.getPropertyValue()).isEqualTo(SensitiveHistory.REDACTED);
    }

    @Test
    void anOperationLogEntryAboutTheVariableKeepsNoValue() {
        UserOperationLogEntryEventEntity entry = new UserOperationLogEntryEventEntity();
        entry.setProperty("safeguardingDetails");
        entry.setNewValue("disclosed something");
        history.redact(entry);
        assertThat(entry.getNewValue()).isEqualTo(SensitiveHistory.REDACTED);
        assertThat(entry.getOrgValue()).isNull();
    }
}
