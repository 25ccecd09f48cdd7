package io.lunora.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** An encoder made to fall behind real time on purpose: a busy machine, as a deterministic stimulus. */
public final class Stalls {
    private Stalls() {
    }

    /** The encoder stops reading for 1.5 s, then reads again for 2 s (time for its pipe to skip and recover). */
    public static void fallBehind(ProcessHandle encoder) throws InterruptedException {
        signal(encoder, "STOP");
        try {
            TimeUnit.MILLISECONDS.sleep(1_500); // the stimulus: 1.5 s of not keeping up
        } finally {
            signal(encoder, "CONT");
        }
        TimeUnit.MILLISECONDS.sleep(2_000);
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
