package io.lunora.streaming.alerts.mail.adapter.ses;

import io.lunora.streaming.alerts.mail.AlertMail;
import io.lunora.streaming.alerts.mail.AlertMailer;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** Sends an alert mail as plain text through SES (API v2 SendEmail, "Simple" content). */
public final class SesAlertMailer implements AlertMailer {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SesV2Client ses;
    private final String from;

    public SesAlertMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(AlertMail mail) {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(mail.subject()).charset(UTF_8))
                        .body(b -> b.text(t -> t.data(mail.text()).charset(UTF_8)))))
                .build();
        try {
            ses.sendEmail(request);
        } catch (SdkServiceException refused) {
            // a 4xx (a rejected message, an unverified sender, a suspended account) stays so; throttling does not
            boolean retryable = refused.isThrottlingException() || refused.statusCode() >= 500;
            throw new NotSent(refused.getClass().getSimpleName() + " (HTTP " + refused.statusCode() + ")", retryable);
        } catch (SdkException unreachable) {
            throw new NotSent(unreachable.getClass().getSimpleName(), true);
        }
    }
}
