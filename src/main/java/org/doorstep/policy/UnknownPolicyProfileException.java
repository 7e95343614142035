package org.doorstep.policy;

public class UnknownPolicyProfileException extends RuntimeException {

    UnknownPolicyProfileException(String id) {
        super("No policy profile '" + id + "' is loaded");
    }
}
