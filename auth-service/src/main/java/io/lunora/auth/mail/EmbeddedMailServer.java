package io.lunora.auth.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode's SMTP server (GreenMail), on loopback unless {@code lunora.mail.bind-address} says
 * otherwise (compose: the containers' network, for streaming-control-service's alert e-mail):
 * invitations and alerts are real SMTP deliveries that stay local and can be read at
 * {@code /internal/dev/mail}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class EmbeddedMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(prefix = "lunora.mail", name = "embedded", havingValue = "true")
    GreenMail greenMail(MailProperties properties) {
        return new GreenMail(new ServerSetup(properties.smtpPort(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP));
    }
}
