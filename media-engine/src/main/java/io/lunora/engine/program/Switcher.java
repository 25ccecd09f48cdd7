package io.lunora.engine.program;

import io.lunora.engine.ingest.InputSignal;
import io.lunora.engine.ingest.PacketSink;
import io.lunora.engine.loop.RunLoop;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program switcher. Every source (the two inputs, paced on their own clocks, and the slate)
 * offers its packets; only the source on air reaches the program bus, rewritten to one fixed set
 * of PIDs under the program's own PAT/PMT with continuous counters, so the encoders downstream
 * see one stream. Every {@link #TICK} it applies the redundancy rules on the inputs' media health
 * ({@link InputSignal}):
 * <ul>
 * <li>the input on air has had nothing to play for {@code slateAfter}: the slate, at once;</li>
 * <li>auto mode, the active input starved for the failover threshold and the standby plays: the
 * standby, at once, starting from its latest keyframe (kept per input), so the failover does not
 * wait for the standby's next keyframe;</li>
 * <li>a lost input comes back on air only after it played steadily for {@code restoreAfter};</li>
 * <li>manual switches and failbacks cut on the target's next keyframe.</li>
 * </ul>
 * At start the primary is preferred: the standby takes the air only after it has played for the
 * threshold while the primary stayed silent.
 * Every cut is marked as a discontinuity.
 * <p>
 * Its state is confined to its own {@link RunLoop}: the sources' packets are handed over as posted
 * work (a bounded queue; a source waits at most {@link #PACKET_WAIT} for room, then the packet is
 * dropped), an operator's commands wait for the loop up to {@link #COMMAND_DEADLINE}, the rules
 * run as the loop's tick, and the program's readers are called by whoever holds the loop's turn
 * (one thread at a time: the loop's, or the on-air source's). What others read
 * (selected, on air, paused, settings) is an immutable snapshot the loop publishes on each change.
 */
public final class Switcher implements PacketSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Switcher.class);
    private static final long TABLE_INTERVAL_NANOS = 100_000_000L;
    /** About 4 s of an 8 Mbit/s input; a longer GOP is not kept. */
    private static final int GOP_LIMIT = 20_000;
    /** How often the redundancy rules run. */
    static final Duration TICK = Duration.ofMillis(20);
    /** About a second of three 8 Mbit/s sources (two inputs and the slate). */
    private static final int QUEUE = 16_384;
    private static final long PACKET_WAIT = Duration.ofMillis(50).toNanos();
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(2);

    private final ProgramBus bus;
    private final Consumer<SwitchEvent> events;
    private final RunLoop loop;
    private final AtomicReference<Snapshot> published;
    private final AtomicLong dropped = new AtomicLong();
    // owned by the loop
    private final Map<String, InputSignal> inputs = new HashMap<>();
    private final Map<String, Gop> gops = new HashMap<>();
    private SwitcherSettings settings;
    private String selected = SwitchEvent.PRIMARY;
    private String onAir;
    private boolean inputHadAir;
    private String pending;
    private String pendingReason;
    /** The operator paused the program: the slate stays on air whatever the inputs do, until resumed. */
    private boolean paused;
    private boolean markVideo;
    private boolean markAudio;
    private int videoType = StreamLayout.H264;
    private int audioType = StreamLayout.AAC;
    private int pmtVersion;
    private int patCounter;
    private int pmtCounter;
    private int videoCounter;
    private int audioCounter;
    private long lastTablesNanos;

    /** What other threads may read of the switcher: one consistent state, published by the loop. */
    private record Snapshot(SwitcherSettings settings, String selected, String onAir, String pending, boolean paused) {
    }

    /** An input's packets since its latest video keyframe. */
    private static final class Gop {
        final List<byte[]> packets = new ArrayList<>();
        StreamLayout layout;
        boolean complete;

        void add(byte[] packet, StreamLayout current, boolean keyframe) {
            if (keyframe) {
                packets.clear();
                complete = true;
                layout = current;
            }
            if (!complete) {
                return;
            }
            if (packets.size() == GOP_LIMIT || !current.equals(layout)) {
                packets.clear();
                complete = false;
                return;
            }
            packets.add(packet);
        }
    }

    /** @param owner whose program it is (an organization), for the loop's thread name and logs */
    public Switcher(String owner, SwitcherSettings settings, ProgramBus bus, Consumer<SwitchEvent> events) {
        this.settings = settings;
        this.bus = bus;
        this.events = events;
        this.published = new AtomicReference<>(new Snapshot(settings, selected, null, null, false));
        this.loop = RunLoop.ticking("switcher", owner, QUEUE, TICK, this::tick);
        bus.primeWith(this::join);
    }

    /**
     * A reader joining the program (an encoder starting with a session or a destination) first gets
     * the program's tables and the on-air input's packets since its latest keyframe, numbered so
     * that the live packets continue them: it decodes at once instead of waiting up to a GOP for
     * the next keyframe, and its probe finds everything in that burst. Running on the loop keeps
     * live packets from slipping in between. A closed switcher forwards nothing, so the reader
     * simply joins.
     */
    private void join(Consumer<byte[]> reader, Runnable joinLive) {
        try {
            loop.run("join the program", COMMAND_DEADLINE, () -> {
                Gop gop = onAir == null ? null : gops.get(onAir);
                if (gop != null && gop.complete && !gop.packets.isEmpty()) {
                    replay(gop, reader);
                }
                joinLive.run();
            });
        } catch (RunLoop.LoopStoppedException closed) {
            joinLive.run();
        }
    }

    private void replay(Gop gop, Consumer<byte[]> reader) {
        int videoPackets = 0;
        int audioPackets = 0;
        for (byte[] packet : gop.packets) {
            int pid = TsPacket.pid(packet);
            if (TsPacket.hasPayload(packet) && gop.layout.isVideo(pid)) {
                videoPackets++;
            } else if (TsPacket.hasPayload(packet) && gop.layout.isAudio(pid)) {
                audioPackets++;
            }
        }
        reader.accept(ProgramTables.pat((patCounter - 1) & 0x0F));
        reader.accept(ProgramTables.pmt((pmtCounter - 1) & 0x0F, pmtVersion, videoType, audioType));
        int video = videoCounter - videoPackets;
        int audio = audioCounter - audioPackets;
        boolean firstVideo = true;
        boolean firstAudio = true;
        for (byte[] packet : gop.packets) {
            int pid = TsPacket.pid(packet);
            boolean isVideo = gop.layout.isVideo(pid);
            if (!isVideo && !gop.layout.isAudio(pid)) {
                continue;
            }
            byte[] copy = packet.clone();
            TsPacket.setPid(copy, isVideo ? ProgramTables.VIDEO_PID : ProgramTables.AUDIO_PID);
            if (TsPacket.hasPayload(copy)) {
                TsPacket.setContinuity(copy, (isVideo ? video++ : audio++) & 0x0F);
            }
            if (isVideo && firstVideo || !isVideo && firstAudio) {
                TsPacket.markDiscontinuity(copy);
                firstVideo = firstVideo && !isVideo;
                firstAudio = firstAudio && isVideo;
            }
            reader.accept(copy);
        }
    }

    /**
     * Runs a command on the loop and publishes what it changed.
     *
     * @throws io.lunora.engine.loop.EngineBusyException when the loop has not run it within {@link #COMMAND_DEADLINE}
     * @throws RunLoop.LoopStoppedException when the switcher was closed
     */
    private void command(String name, Runnable command) {
        loop.run(name, COMMAND_DEADLINE, () -> {
            command.run();
            publish();
        });
    }

    private void publish() {
        Snapshot now = published.get();
        if (now.settings() != settings || !now.selected().equals(selected) || !Objects.equals(now.onAir(), onAir)
                || !Objects.equals(now.pending(), pending) || now.paused() != paused) {
            published.set(new Snapshot(settings, selected, onAir, pending, paused));
        }
    }

    public void attach(String inputId, InputSignal input) {
        command("attach " + inputId, () -> {
            inputs.put(inputId, input);
            gops.put(inputId, new Gop());
        });
    }

    /** The input is gone (removed from the channel); the rules treat it as silent. */
    public void detach(String inputId) {
        command("detach " + inputId, () -> {
            inputs.remove(inputId);
            gops.remove(inputId);
        });
    }

    public void configure(SwitcherSettings changed) {
        command("configure", () -> {
            this.settings = changed;
            if (changed.mode() == RedundancyMode.SINGLE && !SwitchEvent.PRIMARY.equals(selected)) {
                select(SwitchEvent.PRIMARY, "manual");
            }
        });
    }

    public SwitcherSettings settings() {
        return published.get().settings();
    }

    /** The input the program carries when it has a signal. */
    public String selected() {
        return published.get().selected();
    }

    /** What is on air now: an input, the slate, or null before the first keyframe. */
    public String onAir() {
        return published.get().onAir();
    }

    /** An operator's switch (manual mode, or a forced failover in auto mode): on the target's next keyframe. */
    public void switchTo(String inputId, String reason) {
        command("switch to " + inputId, () -> {
            if (!selected.equals(inputId)) {
                select(inputId, reason);
            }
        });
    }

    private void select(String inputId, String reason) {
        selected = inputId;
        if (!paused && !inputId.equals(onAir)) {
            expect(inputId, reason);
        }
    }

    /**
     * "Pause all": the slate goes on air at once and stays there (no failover, no restore) while
     * every output keeps its connection; a switch meanwhile only chooses what comes back.
     */
    public void pause() {
        command("pause", () -> {
            if (paused) {
                return;
            }
            paused = true;
            if (!SwitchEvent.SLATE.equals(onAir)) {
                cutNow(SwitchEvent.SLATE, SwitchEvent.PAUSED);
            }
        });
    }

    /** The selected input back on air from its latest keyframe (the slate stays while it has no signal). */
    public void resume() {
        command("resume", () -> {
            if (!paused) {
                return;
            }
            paused = false;
            if (plays(selected)) {
                cutNow(selected, SwitchEvent.RESUMED);
            }
        });
    }

    public boolean paused() {
        return published.get().paused();
    }

    private void expect(String source, String reason) {
        pending = source;
        pendingReason = reason;
    }

    /**
     * Hands a source's packet (copied: the source reuses its buffer) to the loop. Waits at most
     * {@link #PACKET_WAIT} for room; a switcher that far behind drops the packet, and so does a
     * closed one. The packets of the source on air (or about to be) are switched at once, on the
     * source's own thread when the loop is idle (see {@link RunLoop.Handoff#RUN_HERE}); the
     * others are only kept (a standby's GOP) and wait for the loop's next turn, at most a {@link #TICK}.
     */
    @Override
    public void accept(String sourceId, byte[] packet, StreamLayout layout) {
        byte[] copy = packet.clone();
        Snapshot now = published.get();
        boolean urgent = sourceId.equals(now.onAir()) || sourceId.equals(now.pending());
        RunLoop.Handoff handoff = urgent ? RunLoop.Handoff.RUN_HERE : RunLoop.Handoff.NEXT_TURN;
        if (!loop.offer(() -> take(sourceId, copy, layout), PACKET_WAIT, handoff)) {
            long total = dropped.incrementAndGet();
            if (Long.bitCount(total) == 1) {
                log.warn("Switcher dropped {} packets: its loop is closed or fell behind", total);
            }
        }
    }

    private void take(String sourceId, byte[] packet, StreamLayout layout) {
        boolean keyframe = layout.isVideo(TsPacket.pid(packet)) && TsPacket.randomAccess(packet);
        Gop gop = gops.get(sourceId);
        if (gop != null) {
            gop.add(packet, layout, keyframe);
        }
        if (sourceId.equals(pending) && keyframe) {
            cut(sourceId, layout, pendingReason);
            publish();
        }
        if (sourceId.equals(onAir)) {
            forward(packet, layout);
        }
    }

    /** Puts {@code source} on air now from its latest keyframe, or at its next one when none is kept. */
    private void cutNow(String source, String reason) {
        Gop gop = gops.get(source);
        if (gop == null || !gop.complete || gop.packets.isEmpty()) {
            expect(source, reason);
            return;
        }
        cut(source, gop.layout, reason);
        for (byte[] packet : gop.packets) {
            forward(packet, gop.layout);
        }
    }

    private void cut(String sourceId, StreamLayout layout, String reason) {
        String from = onAir;
        onAir = sourceId;
        pending = null;
        pendingReason = null;
        markVideo = true;
        markAudio = true;
        if (layout.videoType() != videoType || layout.audioType() != audioType && layout.audioPid() >= 0) {
            videoType = layout.videoType();
            audioType = layout.audioPid() >= 0 ? layout.audioType() : audioType;
            pmtVersion = (pmtVersion + 1) & 0x1F;
        }
        lastTablesNanos = 0;
        if (inputs.containsKey(sourceId)) {
            inputHadAir = true;
        }
        events.accept(new SwitchEvent(Instant.now(), from, sourceId, reason));
    }

    private void forward(byte[] packet, StreamLayout layout) {
        int pid = TsPacket.pid(packet);
        boolean video = layout.isVideo(pid);
        if (!video && !layout.isAudio(pid)) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastTablesNanos >= TABLE_INTERVAL_NANOS) {
            bus.publish(ProgramTables.pat(patCounter++));
            bus.publish(ProgramTables.pmt(pmtCounter++, pmtVersion, videoType, audioType));
            lastTablesNanos = now;
        }
        byte[] copy = packet.clone();
        TsPacket.setPid(copy, video ? ProgramTables.VIDEO_PID : ProgramTables.AUDIO_PID);
        if (TsPacket.hasPayload(copy)) {
            TsPacket.setContinuity(copy, video ? videoCounter++ : audioCounter++);
        }
        if (video && markVideo) {
            TsPacket.markDiscontinuity(copy);
            markVideo = false;
        } else if (!video && markAudio) {
            TsPacket.markDiscontinuity(copy);
            markAudio = false;
        }
        bus.publish(copy);
    }

    /** Applies the redundancy rules; the loop's tick. */
    private void tick() {
        applyRules();
        publish();
    }

    private void applyRules() {
        if (paused) {
            if (!SwitchEvent.SLATE.equals(onAir) && !SwitchEvent.SLATE.equals(pending)) {
                expect(SwitchEvent.SLATE, SwitchEvent.PAUSED); // the slate had no picture yet when paused
            }
            return;
        }
        if (inputs.containsKey(onAir) && !SwitchEvent.SLATE.equals(pending)
                && starvedFor(onAir).compareTo(settings.slateAfter()) > 0) {
            expect(SwitchEvent.SLATE, "signal_lost");
        }
        if (settings.mode() == RedundancyMode.AUTO_FAILOVER) {
            applyFailover();
        }
        boolean offAir = onAir == null || SwitchEvent.SLATE.equals(onAir);
        if (offAir && !selected.equals(pending) && plays(selected)) {
            if (!inputHadAir) {
                expect(selected, "started");
            } else if (signal(selected).steadyFor().compareTo(settings.restoreAfter()) >= 0) {
                expect(selected, "signal_restored");
            }
        }
        if (onAir == null && pending == null) {
            expect(SwitchEvent.SLATE, "started");
        }
    }

    private void applyFailover() {
        String other = SwitchEvent.PRIMARY.equals(selected) ? SwitchEvent.SECONDARY : SwitchEvent.PRIMARY;
        if (!inputs.containsKey(other)) {
            return;
        }
        // the standby must have played for the threshold too: an active input that never delivered
        // (the primary at start) gets that long to deliver once the standby is there
        if (starvedFor(selected).compareTo(settings.failoverThreshold()) >= 0 && plays(other)
                && signal(other).steadyFor().compareTo(settings.failoverThreshold()) >= 0) {
            selected = other;
            if (other.equals(onAir)) {
                pending = null; // a manual switch away from it had not happened yet
            } else {
                cutNow(other, "failover");
            }
        } else if (settings.failback() == FailbackPolicy.RETURN_TO_PRIMARY && SwitchEvent.SECONDARY.equals(selected)
                && plays(SwitchEvent.PRIMARY)
                && signal(SwitchEvent.PRIMARY).steadyFor().compareTo(settings.failbackAfter()) >= 0) {
            select(SwitchEvent.PRIMARY, "failback");
        }
    }

    private boolean plays(String inputId) {
        InputSignal input = inputs.get(inputId);
        return input != null && input.starvedFor().compareTo(settings.slateAfter()) <= 0 && input.steadyFor().isPositive();
    }

    private Duration starvedFor(String inputId) {
        InputSignal input = inputs.get(inputId);
        return input == null ? Duration.ofDays(1) : input.starvedFor();
    }

    private InputSignal signal(String inputId) {
        return inputs.get(inputId);
    }

    /** Stops the loop: commands are refused from now on, packets dropped; queued work finishes first. */
    @Override
    public void close() {
        loop.close();
        if (!loop.awaitExit(COMMAND_DEADLINE)) {
            log.warn("Switcher's loop did not finish its queued work within {}", COMMAND_DEADLINE);
        }
    }
}
