package org.doorstep.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TenantManager;
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
        DelegateExecution caller = context.getSuperExecution();
        String tenantId = schoolId != null ? schoolId.toString() : caller == null ? null : caller.getTenantId();
        refuseOutsideTheStartersSchools(tenantId, context.getProcessDefinition().getKey());
        return tenantId;
    }

    /**
     * The schoolId variable is the starter's claim, so it is checked as the engine checks tenants on
     * reads: a signed-in user (not an administrator) may start an instance only in one of their own
     * schools, and never one without a school, which every school could see. Doorstep's services
     * start instances with no one signed in to the engine, or from a delegate while someone of the
     * same school completes a task; the check is for whoever else holds start rights (REST API,
     * Tasklist), should an administrator ever grant them.
     */
    private static void refuseOutsideTheStartersSchools(String tenantId, String processKey) {
        TenantManager tenants = Context.getCommandContext().getTenantManager();
        if (tenants.isTenantCheckEnabled() && (tenantId == null || !tenants.isAuthenticatedTenant(tenantId))) {
            String userId = Context.getCommandContext().getAuthenticatedUserId();
            throw new AuthorizationException("User '" + userId + "' may not start " + processKey + " for "
                    + (tenantId == null ? "no school" : "school '" + tenantId + "'") + ": only for their own schools");
        }
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
