package io.lunora.engine.bench;

import io.lunora.engine.ingest.InputSignal;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.program.Switcher;
import io.lunora.engine.program.SwitcherSettings;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Not a unit test: the switcher's packet path alone, with synthetic TS packets (no FFmpeg). Three
 * sources offer packets as the inputs' pacers and the slate do (primary on air, secondary and
 * slate dropped by the switcher); a bus reader counts what reaches the program and how long after
 * {@code accept} it arrived (a send time is written into each packet's payload).
 * <ul>
 * <li>saturation: every source offers as fast as it can, for the packets/s the switcher sustains;</li>
 * <li>live: every source at 8 Mbit/s in 1316-byte datagrams (7 packets every 1.3 ms), for the
 * latency the switcher adds (p50, p99, max) and the CPU it costs.</li>
 * </ul>
 * Written against the switcher's public surface only (its constructor, tick and close are found reflectively),
 * so that {@code bench/switcher.sh} runs the same class on an older commit for the "before" figures.
 */
public final class SwitcherBenchmark {
    private static final StreamLayout LAYOUT = new StreamLayout(0x1000, 0x100, StreamLayout.H264, 0x101, StreamLayout.AAC);
    private static final int KEYFRAME_EVERY = 2_500;
    private static final int STAMP_AT = 100;
    private static final int BURST = 7;
    private static final long BURST_NANOS = 1_316L * 8 * 1_000_000_000L / 8_000_000L;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private long[] latencies = new long[4_000_000];
    private int latencyCount;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        new SwitcherBenchmark().run(seconds);
    }

    private void run(int seconds) throws Exception {
        ProgramBus bus = new ProgramBus();
        bus.addReader(this::received);
        Switcher switcher = create(SwitcherSettings.of(RedundancyMode.MANUAL, Duration.ofSeconds(2),
                FailbackPolicy.STAY, Duration.ofSeconds(5)), bus);
        InputSignal playing = new InputSignal() {
            @Override
            public Duration starvedFor() {
                return Duration.ZERO;
            }

            @Override
            public Duration steadyFor() {
                return Duration.ofMinutes(1);
            }
        };
        switcher.attach(SwitchEvent.PRIMARY, playing);
        switcher.attach(SwitchEvent.SECONDARY, playing);
        tick(switcher);
        long until = System.nanoTime() + 5_000_000_000L;
        byte[] key = packet(true);
        while (!SwitchEvent.PRIMARY.equals(switcher.onAir()) && System.nanoTime() < until) {
            switcher.accept(SwitchEvent.PRIMARY, key, LAYOUT);
            Thread.sleep(5);
            tick(switcher);
        }
        if (!SwitchEvent.PRIMARY.equals(switcher.onAir())) {
            throw new IllegalStateException("primary never went on air");
        }
        saturation(switcher, Math.max(2, seconds / 2));
        live(switcher, seconds);
        if ((Object) switcher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void saturation(Switcher switcher, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong offered = new AtomicLong();
        List<Thread> sources = List.of(SwitchEvent.PRIMARY, SwitchEvent.SECONDARY, SwitchEvent.SLATE).stream()
                .map(source -> Thread.ofPlatform().name("bench-" + source).start(() -> {
                    byte[] media = packet(false);
                    byte[] key = packet(true);
                    long n = 0;
                    while (!stop.get()) {
                        switcher.accept(source, n % KEYFRAME_EVERY == 0 ? key : media, LAYOUT);
                        n++;
                    }
                    offered.addAndGet(n);
                })).toList();
        Thread.sleep(500);
        long startDelivered = delivered.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long forwarded = delivered.get() - startDelivered;
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread source : sources) {
            source.join();
        }
        System.out.printf(Locale.ROOT, "saturation: %.0f packets/s reach the program (primary on air; 3 sources offer)%n",
                forwarded / elapsed);
    }

    private void live(Switcher switcher, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        measuring.set(true);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        List<Thread> sources = List.of(SwitchEvent.PRIMARY, SwitchEvent.SECONDARY, SwitchEvent.SLATE).stream()
                .map(source -> Thread.ofPlatform().name("bench-" + source).start(() -> {
                    byte[] packet = new byte[TsPacket.SIZE];
                    long next = System.nanoTime();
                    long n = 0;
                    while (!stop.get()) {
                        for (int i = 0; i < BURST; i++, n++) {
                            fill(packet, n % KEYFRAME_EVERY == 0);
                            ByteBuffer.wrap(packet).putLong(STAMP_AT, System.nanoTime());
                            switcher.accept(source, packet, LAYOUT);
                        }
                        next += BURST_NANOS;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                })).toList();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread source : sources) {
            source.join();
        }
        Thread.sleep(200);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(latencies, latencyCount);
        }
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "live (3 x 8 Mbit/s, 1316-byte bursts): %.0f packets/s reach the program, "
                        + "added latency p50 %.1f us, p99 %.1f us, max %.1f us; process CPU %.1f%% of one core%n",
                sorted.length / elapsed, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[sorted.length - 1] / 1e3, 100 * cpu / elapsed);
    }

    private void received(byte[] packet) {
        if (TsPacket.pid(packet) != 0x100 && TsPacket.pid(packet) != 0x101) {
            return; // the program's PAT/PMT
        }
        long now = System.nanoTime();
        delivered.incrementAndGet();
        if (measuring.get()) {
            long sent = ByteBuffer.wrap(packet).getLong(STAMP_AT);
            synchronized (this) { // the bench's own bookkeeping; the reader runs on one thread
                if (latencyCount < latencies.length) {
                    latencies[latencyCount++] = now - sent;
                }
            }
        }
    }

    private static byte[] packet(boolean keyframe) {
        byte[] packet = new byte[TsPacket.SIZE];
        fill(packet, keyframe);
        return packet;
    }

    private static void fill(byte[] packet, boolean keyframe) {
        packet[0] = TsPacket.SYNC;
        packet[1] = 0x41;
        packet[2] = 0x00; // PID 0x100, payload start
        packet[3] = 0x30; // adaptation field and payload
        packet[4] = 1;
        packet[5] = (byte) (keyframe ? 0x40 : 0x00);
    }

    /** The switcher with its own loop takes an owner's name first; the one before did not. */
    private static Switcher create(SwitcherSettings settings, ProgramBus bus) throws ReflectiveOperationException {
        Consumer<SwitchEvent> events = event -> {
        };
        for (var constructor : Switcher.class.getConstructors()) {
            if (constructor.getParameterCount() == 4) {
                return (Switcher) constructor.newInstance("bench", settings, bus, events);
            }
            if (constructor.getParameterCount() == 3) {
                return (Switcher) constructor.newInstance(settings, bus, events);
            }
        }
        throw new IllegalStateException("no known constructor of Switcher");
    }

    private static void tick(Switcher switcher) {
        try {
            Switcher.class.getMethod("tick").invoke(switcher);
        } catch (NoSuchMethodException ticksItself) {
            // the switcher runs its own rules
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
