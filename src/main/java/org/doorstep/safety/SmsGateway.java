package org.doorstep.safety;

/**
 * The text-message channel for safety alerts and check-in reminders. Doorstep ships
 * {@link LoggingSmsGateway}; an installation with a real SMS provider declares its own bean of this
 * type (an HTTP call to the provider) and it replaces the logging one.
 */
public interface SmsGateway {

    /** Sends one text; must not throw for a delivery failure the caller cannot act on. */
    void send(String mobileNumber, String text);
}
