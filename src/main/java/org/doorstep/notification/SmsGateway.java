package org.doorstep.notification;

/**
 * The text-message channel for safety alerts and check-in reminders, used by the outbox's delivery.
 * Doorstep ships {@link LoggingSmsGateway}; an installation with a real SMS provider declares its own
 * bean of this type (an HTTP call to the provider) and it replaces the logging one.
 */
public interface SmsGateway {

    /**
     * Sends one text, or throws when the provider did not accept it: the outbox then tries again
     * later. Give the call a timeout well under the outbox lease ({@code doorstep.outbox.lease}).
     */
    void send(String mobileNumber, String text);
}
