package io.lunora.engine.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FFmpeg in use: its two executables and the environment they need (the Maven build keeps
 * its shared libraries next to the executables, where a child must be told to look).
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    private static final Path NICE = Path.of("/usr/bin/nice");

    public Ffmpeg {
        environment = Map.copyOf(environment);
    }

    /** A command line that starts with the ffmpeg executable. */
    public List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(ffmpeg.toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * A command line that runs ffmpeg at a lower CPU priority: through {@code nice}, which execs
     * ffmpeg in place (same pid, so supervision and the child registry see ffmpeg itself). Plain
     * {@link #command} when niceness is 0 or the machine has no {@code nice}.
     */
    public List<String> niceCommand(int niceness, List<String> arguments) {
        List<String> command = command(arguments);
        if (niceness > 0 && Files.isExecutable(NICE)) {
            command.addAll(0, List.of(NICE.toString(), "-n", Integer.toString(niceness)));
        }
        return command;
    }

    /** A command line that starts with the ffprobe executable. */
    public List<String> probeCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(ffprobe.toString());
        command.addAll(arguments);
        return command;
    }

    public ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }
}
