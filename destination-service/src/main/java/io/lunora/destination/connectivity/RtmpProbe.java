package io.lunora.destination.connectivity;

import io.lunora.destination.connectivity.ProbeResult.Step;
import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Tests an RTMP(S) ingest the way an encoder starts: TCP (TLS for rtmps), the simple handshake
 * (C0/C1, S0/S1, C2, S2), then an AMF0 {@code connect} to the URL's application, waiting for
 * {@code _result}; then it hangs up. The stream key is never sent: it only travels with
 * {@code publish}, which a test does not do. The host is resolved once and vetted, and the probe
 * connects to that address ({@link GuardedConnector}, shared with the alert webhooks).
 */
public class RtmpProbe {
    static final int SET_CHUNK_SIZE = 1;
    static final int COMMAND_AMF0 = 20;
    static final int COMMAND_AMF3 = 17;
    private static final int HANDSHAKE_SIZE = 1536;
    private static final int OUR_CHUNK_SIZE = 4096;
    private static final SecureRandom random = new SecureRandom();

    private final GuardedConnector connector;

    public RtmpProbe(GuardedConnector connector) {
        this.connector = connector;
    }

    public ProbeResult probe(String url) {
        long start = System.nanoTime();
        URI uri = URI.create(url);
        boolean secure = "rtmps".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 1935;
        String host = uri.getHost();
        Step step = Step.RESOLVE;
        try {
            GuardedConnector.Target target = connector.target(host);
            step = Step.TCP_CONNECT;
            try (Socket plain = target.connect(port)) {
                Socket socket = plain;
                if (secure) {
                    step = Step.TLS;
                    socket = target.startTls(plain, port);
                }
                step = Step.HANDSHAKE;
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                handshake(in, out);
                step = Step.CONNECT;
                connect(in, out, uri, host, port);
                socket.close();
            }
            return new ProbeResult(true, null, "The server completed the RTMP handshake and accepted connect.",
                    elapsed(start));
        } catch (AddressGuard.RefusedException e) {
            return new ProbeResult(false, Step.ADDRESS_POLICY, "Refused: " + e.getMessage() + ".", elapsed(start));
        } catch (UnknownHostException e) {
            return new ProbeResult(false, Step.RESOLVE, "The host name does not resolve.", elapsed(start));
        } catch (ServerSaidNo e) {
            return new ProbeResult(false, step, e.getMessage(), elapsed(start));
        } catch (SocketTimeoutException e) {
            return new ProbeResult(false, step, "No answer within " + (step == Step.TCP_CONNECT
                    ? connector.connectTimeout() : connector.readTimeout()).toMillis() + " ms.", elapsed(start));
        } catch (ConnectException e) {
            return new ProbeResult(false, step, "The connection was refused.", elapsed(start));
        } catch (SSLException e) {
            return new ProbeResult(false, Step.TLS, "TLS failed: " + e.getClass().getSimpleName() + ".", elapsed(start));
        } catch (EOFException e) {
            return new ProbeResult(false, step, "The server closed the connection.", elapsed(start));
        } catch (IOException | RuntimeException e) {
            return new ProbeResult(false, step, "Failed: " + e.getClass().getSimpleName() + ".", elapsed(start));
        }
    }

    private static void handshake(DataInputStream in, OutputStream out) throws IOException {
        byte[] c0c1 = new byte[1 + HANDSHAKE_SIZE];
        c0c1[0] = 3;
        byte[] noise = new byte[HANDSHAKE_SIZE - 8];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, c0c1, 9, noise.length); // time and zero fields stay 0
        out.write(c0c1);
        out.flush();
        int version = in.readUnsignedByte();
        if (version != 3) {
            throw new ServerSaidNo("The server answered RTMP version " + version + " instead of 3 (not an RTMP server?).");
        }
        byte[] s1 = new byte[HANDSHAKE_SIZE];
        in.readFully(s1);
        out.write(s1); // C2 echoes S1
        out.flush();
        in.readFully(new byte[HANDSHAKE_SIZE]); // S2
    }

    private static void connect(DataInputStream in, OutputStream out, URI uri, String host, int port) throws IOException {
        String app = uri.getRawPath().substring(1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        Amf0.writeString(command, "connect");
        Amf0.writeNumber(command, 1);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("app", app);
        object.put("type", "nonprivate");
        object.put("flashVer", "FMLE/3.0 (compatible; Lunora)");
        object.put("tcUrl", uri.getScheme() + "://" + host + ":" + port + "/" + app);
        Amf0.writeObject(command, object);
        out.write(message(2, SET_CHUNK_SIZE, ByteBuffer.allocate(4).putInt(OUR_CHUNK_SIZE).array()));
        out.write(message(3, COMMAND_AMF0, command.toByteArray()));
        out.flush();

        ChunkReader reader = new ChunkReader(in);
        while (true) {
            ChunkReader.Message message = reader.next();
            if (message.typeId() != COMMAND_AMF0 && message.typeId() != COMMAND_AMF3) {
                continue; // window size, peer bandwidth, user control: not needed to decide
            }
            ByteBuffer payload = ByteBuffer.wrap(message.payload());
            if (message.typeId() == COMMAND_AMF3) {
                payload.get(); // AMF3 command messages start with a format byte, then AMF0
            }
            List<Object> values = Amf0.readAll(payload);
            Object name = values.isEmpty() ? null : values.get(0);
            Object transaction = values.size() > 1 ? values.get(1) : null;
            if (!(transaction instanceof Double id) || id != 1.0) {
                continue; // onBWDone and the like
            }
            if ("_result".equals(name)) {
                return;
            }
            if ("_error".equals(name)) {
                throw new ServerSaidNo("The server refused connect: " + describe(values) + ".");
            }
        }
    }

    /** The {@code code} and {@code description} of an {@code _error}'s information object. */
    private static String describe(List<Object> values) {
        for (Object value : values) {
            if (value instanceof Map<?, ?> info && info.containsKey("code")) {
                Object description = info.get("description");
                return info.get("code") + (description == null ? "" : " (" + description + ")");
            }
        }
        return "no reason given";
    }

    /** One message in one chunk (format 0 header, timestamp 0, message stream 0); our chunk size is set first. */
    private static byte[] message(int chunkStreamId, int typeId, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) chunkStreamId);
        b.put(new byte[] {0, 0, 0});
        b.put((byte) (payload.length >> 16)).put((byte) (payload.length >> 8)).put((byte) payload.length);
        b.put((byte) typeId);
        b.putInt(0);
        b.put(payload);
        return b.array();
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** The peer answered, but not as an RTMP server that accepts us would. */
    private static final class ServerSaidNo extends IOException {
        ServerSaidNo(String message) {
            super(message);
        }
    }
}
