package io.lunora.engine.program;

import io.lunora.engine.ingest.InputSignal;
import io.lunora.engine.ingest.PacketSink;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The program switcher. Every source (the two inputs and the slate) offers its packets; only
 * the source on air reaches the program bus, rewritten to one fixed set of PIDs under the
 * program's own PAT/PMT with continuous counters, so the encoders downstream see one stream.
 * A new source goes on air at its next keyframe (random access indicator), marked as a
 * discontinuity. {@link #tick()} applies the redundancy rules: slate as soon as the active input
 * falls silent, failover after the threshold, failback after the primary is healthy again.
 */
public final class Switcher implements PacketSink {
    private static final long TABLE_INTERVAL_NANOS = 100_000_000L;

    private final ProgramBus bus;
    private final Consumer<SwitchEvent> events;
    private final Map<String, InputSignal> inputs = new ConcurrentHashMap<>();
    private SwitcherSettings settings;
    private String selected = SwitchEvent.PRIMARY;
    private String onAir;
    private String pending;
    private String pendingReason;
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

    public Switcher(SwitcherSettings settings, ProgramBus bus, Consumer<SwitchEvent> events) {
        this.settings = settings;
        this.bus = bus;
        this.events = events;
    }

    public void attach(String inputId, InputSignal input) {
        inputs.put(inputId, input);
    }

    /** The input is gone (removed from the channel); the rules treat it as silent. */
    public void detach(String inputId) {
        inputs.remove(inputId);
    }

    public synchronized void configure(SwitcherSettings changed) {
        this.settings = changed;
        if (changed.mode() == RedundancyMode.SINGLE && !SwitchEvent.PRIMARY.equals(selected)) {
            select(SwitchEvent.PRIMARY, "manual");
        }
    }

    public synchronized SwitcherSettings settings() {
        return settings;
    }

    /** The input the program carries when it has a signal. */
    public synchronized String selected() {
        return selected;
    }

    /** What is on air now: an input, the slate, or null before the first keyframe. */
    public synchronized String onAir() {
        return onAir;
    }

    /** An operator's switch (manual mode, or a forced failover in auto mode), with the reason the event carries. */
    public synchronized void switchTo(String inputId, String reason) {
        if (!selected.equals(inputId)) {
            select(inputId, reason);
        }
    }

    private void select(String inputId, String reason) {
        selected = inputId;
        if (!inputId.equals(onAir)) {
            expect(inputId, reason);
        }
    }

    private void expect(String source, String reason) {
        pending = source;
        pendingReason = reason;
    }

    @Override
    public synchronized void accept(String sourceId, byte[] packet, StreamLayout layout) {
        if (sourceId.equals(pending) && layout.isVideo(TsPacket.pid(packet)) && TsPacket.randomAccess(packet)) {
            cut(sourceId, layout);
        }
        if (sourceId.equals(onAir)) {
            forward(packet, layout);
        }
    }

    private void cut(String sourceId, StreamLayout layout) {
        String from = onAir;
        onAir = sourceId;
        String reason = pendingReason;
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

    /** Applies the redundancy rules; called every few tens of milliseconds. */
    public synchronized void tick() {
        InputSignal active = inputs.get(selected);
        boolean selectedLive = active != null && active.deliveringWithin(settings.slateAfter());
        if (onAir != null && !SwitchEvent.SLATE.equals(onAir) && !SwitchEvent.SLATE.equals(pending)) {
            InputSignal airing = inputs.get(onAir);
            if (airing == null || !airing.deliveringWithin(settings.slateAfter())) {
                expect(SwitchEvent.SLATE, "signal_lost");
            }
        }
        if (settings.mode() == RedundancyMode.AUTO_FAILOVER) {
            applyFailover(active);
        }
        active = inputs.get(selected);
        selectedLive = active != null && active.deliveringWithin(settings.slateAfter());
        boolean offAir = onAir == null || SwitchEvent.SLATE.equals(onAir);
        if (offAir && selectedLive && !selected.equals(pending)) {
            expect(selected, onAir == null ? "started" : "signal_restored");
        } else if (onAir == null && pending == null) {
            expect(SwitchEvent.SLATE, "started");
        }
    }

    private void applyFailover(InputSignal active) {
        String other = SwitchEvent.PRIMARY.equals(selected) ? SwitchEvent.SECONDARY : SwitchEvent.PRIMARY;
        InputSignal standby = inputs.get(other);
        boolean standbyHealthy = standby != null && standby.deliveringWithin(settings.slateAfter());
        boolean activeLost = active == null || !active.deliveringWithin(settings.failoverThreshold());
        if (activeLost && standbyHealthy) {
            select(other, "failover");
        } else if (settings.failback() == FailbackPolicy.RETURN_TO_PRIMARY && SwitchEvent.SECONDARY.equals(selected)
                && standbyHealthy && standby.uptime().compareTo(settings.failbackAfter()) >= 0) {
            select(SwitchEvent.PRIMARY, "failback");
        }
    }
}
