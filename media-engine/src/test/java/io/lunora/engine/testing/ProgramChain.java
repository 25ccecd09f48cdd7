package io.lunora.engine.testing;

import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.program.Slate;
import io.lunora.engine.program.Switcher;
import io.lunora.engine.program.SwitcherSettings;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;

/** A single-input program for tests of what consumes it: pool, SRT input, slate, switcher, bus. */
public final class ProgramChain implements AutoCloseable {
    public final Redactor redactor = new Redactor();
    public final ChildPool pool;
    public final ProgramBus bus = new ProgramBus();
    public final Switcher switcher;
    public final int port = FreePorts.next();

    public ProgramChain(Path data) {
        pool = new ChildPool(redactor, Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
        switcher = new Switcher("test", SwitcherSettings.of(RedundancyMode.SINGLE, Duration.ofSeconds(2), FailbackPolicy.STAY,
                Duration.ofSeconds(5)), bus, e -> { });
        SrtInput input = new SrtInput(new SrtInputSettings(SwitchEvent.PRIMARY, true, "127.0.0.1", port, 120, null, null, null),
                Media.ffmpeg(), pool, switcher, Duration.ofMillis(200));
        switcher.attach(SwitchEvent.PRIMARY, input);
        input.start();
        new Slate(320, 180, 25, Media.ffmpeg(), pool, switcher).start();
    }

    @Override
    public void close() {
        switcher.close();
        pool.close();
    }
}
