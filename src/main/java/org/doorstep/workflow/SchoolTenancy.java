package org.doorstep.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Each school is a Camunda tenant. The models are deployed once and shared; every process instance
 * belongs to the tenant of the school it is about, named by its {@link #SCHOOL_ID} variable (or
 * inherited from the process that called it). Tasks, jobs, variables and history inherit that
 * tenant, so the engine's tenant check keeps each school's staff to their own school's work in
 * Tasklist, Cockpit and the REST API.
 */
@Component
public class SchoolTenancy extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** Every process instance is started with this variable: the school (and tenant) id. */
    public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        Object schoolId = context.getVariables() == null ? null : context.getVariables().get(SCHOOL_ID.name());
        if (schoolId != null) {
            return schoolId.toString();
        }
        DelegateExecution caller = context.getSuperExecution();
        return caller == null ? null : caller.getTenantId();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
