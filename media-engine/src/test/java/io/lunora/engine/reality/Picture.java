package io.lunora.engine.reality;

/**
 * What a frame shows, told from the colour statistics (FFmpeg's {@code signalstats}, 8-bit
 * limited range) of its top-left corner: the left tenth of the width, the top 4/9 of the height.
 * The sources and the slate differ there clearly, whatever the scaling between them:
 * <ul>
 * <li>the slate (engine's {@code program/Slate}: {@code color=c=0x1b2a3a} with "Back in a moment"
 *     centred, so the corner is flat): Y 50, U 137, V 120, Ylow = Yhigh;</li>
 * <li>the secondary (GStreamer's SMPTE bars): the first bar, flat light grey-white, Y ≥ 180, U = V = 128;</li>
 * <li>the primary (testsrc2): red-magenta, V ≈ 200–222, U ≈ 90.</li>
 * </ul>
 * Measured on Debian's FFmpeg and GStreamer, and through the engine's re-encoding.
 */
public enum Picture {
    SLATE, PRIMARY, SECONDARY, UNKNOWN;

    static Picture of(double yLow, double yHigh, double yAverage, double uAverage, double vAverage) {
        if (Math.abs(yAverage - 50) <= 8 && Math.abs(uAverage - 137) <= 6 && Math.abs(vAverage - 120) <= 6
                && yHigh - yLow <= 12) {
            return SLATE;
        }
        if (yLow >= 150 && yHigh - yLow <= 40 && Math.abs(uAverage - 128) <= 10 && Math.abs(vAverage - 128) <= 10) {
            return SECONDARY;
        }
        if (vAverage >= 170 && uAverage <= 115) {
            return PRIMARY;
        }
        return UNKNOWN;
    }
}
