package io.lunora.auth.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.lunora.support.problem.NotFoundException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local mode only: the mails the embedded SMTP server received, newest first, so a new local user
 * can read the invitation. Answers callers on this machine only; the gateway never routes
 * {@code /internal/**}. Without the embedded server, or for a remote caller, it does not exist.
 */
@RestController
class DevMailController {
    private final ObjectProvider<GreenMail> greenMail;

    DevMailController(ObjectProvider<GreenMail> greenMail) {
        this.greenMail = greenMail;
    }

    @GetMapping("/internal/dev/mail")
    ResponseEntity<String> mailbox(HttpServletRequest request) throws MessagingException {
        GreenMail server = greenMail.getIfAvailable();
        if (server == null || !fromThisMachine(request)) {
            throw new NotFoundException("resource", "/internal/dev/mail");
        }
        MimeMessage[] messages = server.getReceivedMessages();
        StringBuilder out = new StringBuilder(messages.length + " message(s) received by the local mail server\n");
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage m = messages[i];
            out.append("\n==========================================================\n")
                    .append("To:      ").append(addresses(m.getAllRecipients())).append('\n')
                    .append("Subject: ").append(m.getSubject()).append('\n')
                    .append("Date:    ").append(m.getSentDate()).append("\n\n")
                    .append(text(m)).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(out.toString());
    }

    /** The decoded text of a plain-text mail (the transfer encoding undone). */
    private static String text(MimeMessage m) throws MessagingException {
        try {
            Object content = m.getContent();
            return (content instanceof String s ? s : GreenMailUtil.getBody(m)).replace("\r\n", "\n");
        } catch (java.io.IOException e) {
            return GreenMailUtil.getBody(m);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /**
     * The socket's peer is this machine, and no proxy relayed the request for someone else: the
     * peer decides, never what X-Forwarded-For / Forwarded claim (trusted proxies or not).
     */
    private static boolean fromThisMachine(HttpServletRequest request) {
        String peer = PeerAddress.of(request);
        return peer != null && isLoopback(peer) && isLoopback(request.getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
