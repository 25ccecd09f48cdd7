package io.lunora.engine.ingest;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.TsPacket;
import io.lunora.engine.ts.TsReader;
import io.lunora.model.media.InputStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SRT input: an FFmpeg that receives SRT and remuxes it to MPEG-TS on stdout without
 * decoding (flushing every packet: a pipe's 32 kB buffer alone held a low-bitrate source back by
 * over 300 ms), the Java reader that keeps the input's arrival figures, and the input's jitter
 * buffer ({@link InputPacer}) that hands every packet to the switcher on the input's own clock and
 * judges its health by its media. A listener FFmpeg exits when its caller leaves; it is started
 * again at once so the source can reconnect.
 */
public final class SrtInput implements InputSignal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SrtInput.class);
    /** A listener must be back quickly: the source may reconnect within a second. */
    private static final Duration RESTART_FIRST = Duration.ofMillis(200);
    private static final Duration RESTART_MAX = Duration.ofSeconds(2);
    /** An input that played within this counts as connected in its status. */
    private static final Duration CONNECTED_WITHIN = Duration.ofSeconds(1);

    private final SrtInputSettings settings;
    private final PacketSink sink;
    private final InputHealth health = new InputHealth();
    private final InputPacer pacer;
    private final ChildProcess child;
    private final Consumer<byte[]> tap;

    public SrtInput(SrtInputSettings settings, Ffmpeg ffmpeg, ChildPool pool, PacketSink sink, Duration jitterBuffer) {
        this(settings, ffmpeg, pool, sink, jitterBuffer, packet -> { });
    }

    /**
     * @param jitterBuffer how long packets wait to be played on the input's clock; zero passes them on as they come
     * @param tap          sees every packet as it arrives, tables included, on the reader thread (a
     *                     preview of the input); must not block
     */
    public SrtInput(SrtInputSettings settings, Ffmpeg ffmpeg, ChildPool pool, PacketSink sink, Duration jitterBuffer,
            Consumer<byte[]> tap) {
        this.settings = settings;
        this.tap = tap;
        this.sink = sink;
        this.pacer = new InputPacer(settings.inputId(), jitterBuffer, sink);
        Backoff restart = new Backoff(RESTART_FIRST, RESTART_MAX, RandomGenerator.getDefault());
        this.child = pool.create(new ChildSpec("ingest-" + settings.inputId(), ffmpeg.command(arguments(settings)),
                ffmpeg.environment(), restart), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        pacer.restart();
                        sink.connecting(settings.inputId());
                        Thread.ofVirtual().name("ingest-" + settings.inputId())
                                .start(() -> read(process.getInputStream()));
                    }

                    @Override
                    public void exited(int exitCode, String lastError, Duration restartIn) {
                        log.debug("Input {} ended ({}), listening again in {} ms", settings.inputId(), lastError,
                                restartIn == null ? "-" : restartIn.toMillis());
                    }
                });
    }

    static List<String> arguments(SrtInputSettings settings) {
        return List.of("-hide_banner", "-nostdin", "-loglevel", "warning", "-nostats",
                "-probesize", "200000", "-analyzeduration", "1000000",
                "-i", settings.url(),
                "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy",
                // forward at once: flush every packet, no PES held back for a mux delay, and no
                // stream held back more than 0.1 s waiting for another to interleave with
                "-flush_packets", "1", "-muxdelay", "0", "-max_interleave_delta", "100000",
                "-f", "mpegts", "-mpegts_flags", "+resend_headers", "pipe:1");
    }

    public String inputId() {
        return settings.inputId();
    }

    public void start() {
        child.start();
    }

    private void read(InputStream stdout) {
        TsReader reader = new TsReader(stdout);
        PsiReader tables = new PsiReader();
        byte[] packet = new byte[TsPacket.SIZE];
        try {
            while (reader.next(packet)) {
                long now = System.nanoTime();
                health.packet(packet, now);
                tap.accept(packet);
                tables.accept(packet);
                tables.layout().ifPresent(layout -> {
                    if (!tables.isTable(TsPacket.pid(packet))) {
                        pacer.offer(packet, layout, now);
                    }
                });
            }
        } catch (IOException closed) {
            log.trace("input {} stdout closed", settings.inputId());
        }
    }

    @Override
    public Duration starvedFor() {
        return pacer.starvedFor(System.nanoTime());
    }

    @Override
    public Duration steadyFor() {
        return pacer.steadyFor(System.nanoTime());
    }

    public InputStatus status() {
        long now = System.nanoTime();
        InputHealth.Reading reading = health.reading();
        Duration age = reading.lastPacketAge(now);
        return new InputStatus(settings.inputId(), pacer.delivered() && pacer.starvedFor(now).compareTo(CONNECTED_WITHIN) < 0,
                reading.bitrateKbps(now), age == null ? null : age.toMillis(), reading.continuityErrors(),
                reading.uptime(now).toSeconds());
    }

    @Override
    public void close() {
        pacer.close();
        child.stop().join();
    }
}
