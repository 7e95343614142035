package org.doorstep.policy;

import java.util.List;

/** A profile Doorstep refuses to run with; the message names the file, the setting and the reason. */
public class InvalidPolicyProfileException extends RuntimeException {

    private final List<String> problems;

    InvalidPolicyProfileException(String file, List<String> problems) {
        super("Policy profile " + file + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
