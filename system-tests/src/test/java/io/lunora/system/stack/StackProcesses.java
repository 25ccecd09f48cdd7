package io.lunora.system.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Processes of this machine whose command line mentions a text (read from /proc). */
final class StackProcesses {
    private StackProcesses() {
    }

    record Found(long pid, String commandLine) {
    }

    static List<Found> mentioning(String text) {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
                    .map(p -> new Found(Long.parseLong(p.getFileName().toString()), commandLine(p)))
                    .filter(found -> found.commandLine().contains(text))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ').trim();
        } catch (IOException | SecurityException gone) {
            return ""; // the process ended while we looked
        }
    }
}
