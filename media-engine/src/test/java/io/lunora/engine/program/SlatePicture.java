package io.lunora.engine.program;

import java.util.List;

/** The engine's slate command line for tests outside this package (the reality harness calibrates on it). */
public final class SlatePicture {
    private SlatePicture() {
    }

    /** The slate's FFmpeg arguments, writing MPEG-TS to stdout, with the font the machine has. */
    public static List<String> arguments(int width, int height, int fps) {
        return Slate.arguments(width, height, fps, Slate.font());
    }
}
