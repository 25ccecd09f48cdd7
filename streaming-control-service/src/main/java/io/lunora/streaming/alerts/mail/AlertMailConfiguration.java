package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.mail.adapter.smtp.SmtpAlertMailer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Alert e-mail: SMTP unless {@code lunora.alerts.mail.transport=ses} (see the SES adapter's configuration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertMailProperties.class)
class AlertMailConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "lunora.alerts.mail", name = "transport", havingValue = "smtp", matchIfMissing = true)
    AlertMailer smtpAlertMailer(JavaMailSender sender, AlertMailProperties properties) {
        return new SmtpAlertMailer(sender, properties.from());
    }
}
