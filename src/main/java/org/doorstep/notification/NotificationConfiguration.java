package org.doorstep.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class NotificationConfiguration {

    /** The extension point: declare another {@link SmsGateway} bean to send real texts. */
    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    LoggingSmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }
}
