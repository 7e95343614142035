package org.doorstep.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Switches the engine's password policy on with Doorstep's rules, so no path that saves a user
 * (Admin, the REST API, Doorstep's own code) can store a weak password.
 */
@Component
class PasswordPolicySetup extends AbstractProcessEnginePlugin {

    /** The engine's own message, which its REST API would answer with a 500. */
    private static final String ENGINE_REFUSAL = "Password does not match policy";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PasswordRules rules = PasswordRules.withShippedList();
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(rules);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new WeakPasswordIsBadInput());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Turns the engine's refusal into a 400 that says which rules the password must meet. */
    private static final class WeakPasswordIsBadInput extends CommandInterceptor {

        private static final String RULES = "Password refused: it needs at least " + PasswordRules.MINIMUM_LENGTH
                + " characters, must not be a commonly used password and must not contain the user's id, name or e-mail";

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (command instanceof SaveUserCmd && ENGINE_REFUSAL.equals(e.getMessage())) {
                    throw new BadUserRequestException(RULES, e);
                }
                throw e;
            }
        }
    }
}
