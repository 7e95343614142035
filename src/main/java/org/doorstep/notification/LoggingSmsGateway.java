package org.doorstep.notification;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel when no provider is configured: the log says that a text would have been sent (not to
 * whom nor what: texts name people and addresses) and the latest ones are kept for the demo and tests.
 */
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);
    private static final int KEPT = 200;

    private final List<Text> sent = new ArrayList<>();

    @Override
    public synchronized void send(String mobileNumber, String text) {
        log.info("SMS of {} characters not sent: no SMS provider is configured", text.length());
        sent.add(new Text(mobileNumber, text));
        if (sent.size() > KEPT) {
            sent.remove(0);
        }
    }

    public synchronized List<Text> sent() {
        return List.copyOf(sent);
    }

    public record Text(String mobileNumber, String text) {
    }
}
