package io.lunora.streaming.alerts.webhooks;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 POST to a webhook over a connection {@link GuardedConnector} opened to the address
 * it vetted (java.net.http would resolve the name a second time, which a rebinding DNS server can
 * answer with a private address). Host and TLS name the URL's host; only the status line is read,
 * within the deadline, and redirects are not followed (a 3xx is just not a 2xx).
 */
final class WebhookPost {
    private static final int MAX_STATUS_LINE = 8192;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([1-5][0-9]{2})( .*)?");

    private final GuardedConnector connector;
    private final Duration deadline;

    /** {@code deadline}: the longest one POST may take, connection included. */
    WebhookPost(GuardedConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadline = deadline;
    }

    /** The receiver's status; refused when the host resolves into the deployment's network now. */
    int send(URI uri, Map<String, String> headers, String body) throws AddressGuard.RefusedException, IOException {
        long end = System.nanoTime() + deadline.toNanos();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connector.open(uri.getHost(), port, secure)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, headers, content.length).getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return status(socket.getInputStream(), end);
        }
    }

    private static String head(URI uri, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path)
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
        headers.forEach((name, value) -> {
            if ((name + value).chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("header " + name + " holds a control or non-ASCII character");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n").toString();
    }

    private static int status(InputStream in, long end) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() < MAX_STATUS_LINE) {
            if (System.nanoTime() > end) {
                throw new SocketTimeoutException("no status line within the deadline");
            }
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("the connection ended before a status line");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                Matcher status = STATUS_LINE.matcher(new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1));
                if (!status.matches()) {
                    throw new ProtocolException("not an HTTP/1.x status line");
                }
                return Integer.parseInt(status.group(1));
            }
            line.write(b);
            previous = b;
        }
        throw new ProtocolException("a status line longer than " + MAX_STATUS_LINE + " bytes");
    }
}
