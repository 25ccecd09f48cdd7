package io.lunora.engine.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FFmpeg in use: its two executables and the environment they need (the Maven build keeps
 * its shared libraries next to the executables, where a child must be told to look).
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
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
