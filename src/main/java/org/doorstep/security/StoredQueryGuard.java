package org.doorstep.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A saved Tasklist filter may carry expressions, evaluated with every Spring bean in reach each time
 * the filter is listed: an administrator could run SQL that way (the same door as a deployed model,
 * probe S5; the HTTP guard is passed with a JSON-escaped "\u0024{"). The engine therefore stores only
 * the expressions Tasklist's filters are made of: who is signed in, their groups, and dates.
 */
@Component
class StoredQueryGuard extends AbstractProcessEnginePlugin {

    static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
            + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,6}\\))*(\\.toDate\\(\\))?)\\s*}");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RefuseOtherExpressions(filterField()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The engine offers no other way to see the filter being saved; fails the start if Camunda renames it. */
    private static Field filterField() {
        try {
            Field field = SaveFilterCmd.class.getDeclaredField("filter");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Cannot guard saved filters: SaveFilterCmd has no 'filter' field in this Camunda", e);
        }
    }

    static void check(Filter filter) {
        if (filter.getQuery() instanceof TaskQueryImpl query) {
            List<AbstractQuery<?, ?>> queries = new ArrayList<>(query.getQueries());
            queries.add(query);
            queries.forEach(StoredQueryGuard::checkExpressions);
        } else if (filter.getQuery() instanceof AbstractQuery<?, ?> other) {
            checkExpressions(other);
        }
    }

    private static void checkExpressions(AbstractQuery<?, ?> query) {
        query.getExpressions().forEach((name, expression) -> {
            if (!ALLOWED.matcher(expression).matches()) {
                throw new BadUserRequestException("Filter criterion '" + name + "' may only use ${currentUser()}, ${currentUserGroups()}, "
                        + "${now()} or ${dateTime()...}, not " + expression);
            }
        });
    }

    private static final class RefuseOtherExpressions extends CommandInterceptor {

        private final Field filter;

        RefuseOtherExpressions(Field filter) {
            this.filter = filter;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof SaveFilterCmd save) {
                try {
                    check((Filter) filter.get(save));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return next.execute(command);
        }
    }
}
