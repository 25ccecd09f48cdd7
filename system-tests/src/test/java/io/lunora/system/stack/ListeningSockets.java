package io.lunora.system.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The TCP sockets in LISTEN state on this machine, as the kernel reports them (/proc/net/tcp, tcp6). */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    record Listener(InetAddress address, int port) {
    }

    private ListeningSockets() {
    }

    /** Every listener on {@code port}, whatever its address. */
    static List<Listener> on(int port) {
        List<Listener> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (Listener l : read(Path.of(table))) {
                if (l.port() == port) {
                    found.add(l);
                }
            }
        }
        return found;
    }

    private static List<Listener> read(Path table) {
        List<Listener> listeners = new ArrayList<>();
        if (!Files.exists(table)) {
            return listeners;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) { // the first line names the columns
                String[] fields = line.trim().split("\\s+");
                if (!fields[3].equals(LISTEN)) {
                    continue;
                }
                String[] local = fields[1].split(":");
                listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listeners;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    private static InetAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
