package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** CPU load from {@code stress-ng}: {@code workers} spinning at {@code percent} % each, until closed. */
public final class MachineLoad implements AutoCloseable {
    private final Process process;

    private MachineLoad(Process process) {
        this.process = process;
    }

    /** One worker per core at {@code percent} %: the machine is busy but has room left. */
    public static MachineLoad busy(int percent) {
        return start(Runtime.getRuntime().availableProcessors(), percent);
    }

    /** Four full workers per core: more work than the machine can do. */
    public static MachineLoad saturated() {
        return start(4 * Runtime.getRuntime().availableProcessors(), 100);
    }

    public static MachineLoad start(int workers, int percent) {
        try {
            return new MachineLoad(new ProcessBuilder(List.of("stress-ng", "--cpu", Integer.toString(workers),
                    "--cpu-load", Integer.toString(percent), "--cpu-method", "matrixprod", "--quiet"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to stress-ng, which stops its workers; SIGKILL for all of them after 5 s. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }
}
