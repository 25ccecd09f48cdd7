package io.lunora.auth.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode's SMTP server (GreenMail), on loopback only: invitations are real SMTP deliveries
 * that stay on this machine and can be read at {@code /internal/dev/mail}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class EmbeddedMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(prefix = "lunora.mail", name = "embedded", havingValue = "true")
    GreenMail greenMail(MailProperties properties) {
        return new GreenMail(new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
