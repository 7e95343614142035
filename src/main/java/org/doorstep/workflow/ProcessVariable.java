package org.doorstep.workflow;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable named and typed once, in a process's backing class, so that delegates,
 * services and tests never spell a variable name or cast a value themselves.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;

    private ProcessVariable(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The value, or null when the variable is not set. */
    public T get(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is required here but not set");
        }
        return value;
    }

    public T get(Map<String, Object> variables) {
        return convert(variables.get(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Puts the value into a map meant for starting a process, completing a task or correlating a message. */
    public Map<String, Object> putInto(Map<String, Object> variables, T value) {
        variables.put(name, value);
        return variables;
    }

    @SuppressWarnings("unchecked")
    private T convert(Object raw) {
        if (raw == null) {
            return null;
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        // Camunda Forms submit numbers as Long or Double whatever the field; widen or narrow here once.
        if (raw instanceof Number number) {
            if (type == Integer.class) {
                return (T) Integer.valueOf(number.intValue());
            }
            if (type == Long.class) {
                return (T) Long.valueOf(number.longValue());
            }
            if (type == Double.class) {
                return (T) Double.valueOf(number.doubleValue());
            }
        }
        throw new IllegalStateException("Process variable '" + name + "' holds a " + raw.getClass().getSimpleName()
                + ", expected " + type.getSimpleName());
    }

    @Override
    public String toString() {
        return name;
    }
}
