package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP path between an encoder and the engine's SRT listener that behaves like a real network
 * when asked to: each datagram from the encoder is delayed by a normally distributed amount (so
 * datagrams also arrive out of order, as under {@code tc netem delay 20ms 10ms distribution
 * normal}) and a share of them is lost; what the engine answers (SRT's ACKs, NAKs and
 * retransmission requests) goes back unimpaired, as netem on the sources' side does. For kernels
 * without {@code sch_netem} (this machine's, CI's). Passes datagrams through untouched until
 * {@link #impair} is called.
 */
final class ImpairedLink implements AutoCloseable {
    private final DatagramChannel fromEncoder;
    private final DatagramChannel toEngine;
    private final DelayQueue<Held> held = new DelayQueue<>();
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread receiver;
    private final Thread sender;
    private final Thread answerer;
    private volatile Impairment impairment = Impairment.NONE;
    private volatile SocketAddress encoder;

    /** Delay (mean and standard deviation) and loss of the encoder-to-engine direction. */
    record Impairment(Duration delay, Duration jitter, double loss) {
        static final Impairment NONE = new Impairment(Duration.ZERO, Duration.ZERO, 0);

        @Override
        public String toString() {
            return "delay " + delay.toMillis() + " ms ± " + jitter.toMillis() + " ms (normal), loss " + loss * 100 + " %";
        }
    }

    /** A datagram held back until its delay has passed. */
    private record Held(byte[] datagram, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Held) other).dueNanos);
        }
    }

    /** Listens on {@code host} (a free port) and forwards to {@code host:enginePort}. */
    ImpairedLink(String host, int enginePort) {
        try {
            fromEncoder = DatagramChannel.open().bind(new InetSocketAddress(host, 0));
            toEngine = DatagramChannel.open().bind(new InetSocketAddress(host, 0))
                    .connect(new InetSocketAddress(host, enginePort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the link to port " + enginePort, e);
        }
        receiver = Thread.ofPlatform().name("link-in-" + enginePort).daemon().start(this::receive);
        sender = Thread.ofPlatform().name("link-out-" + enginePort).daemon().start(this::send);
        answerer = Thread.ofPlatform().name("link-back-" + enginePort).daemon().start(this::answer);
    }

    /** The port the encoder calls. */
    int port() {
        try {
            return ((InetSocketAddress) fromEncoder.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void impair(Impairment next) {
        impairment = next;
    }

    void clear() {
        impairment = Impairment.NONE;
    }

    long passed() {
        return passed.get();
    }

    long lost() {
        return lost.get();
    }

    private void receive() {
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                encoder = fromEncoder.receive(buffer);
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                Impairment now = impairment;
                if (now.loss() > 0 && random.nextDouble() < now.loss()) {
                    lost.incrementAndGet();
                    continue;
                }
                double delayNanos = now.delay().toNanos() + random.nextGaussian() * now.jitter().toNanos();
                held.add(new Held(datagram, System.nanoTime() + Math.max(0, (long) delayNanos)));
            }
        } catch (ClosedChannelException closed) {
            // the link was closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send() {
        while (toEngine.isOpen()) {
            try {
                toEngine.write(ByteBuffer.wrap(held.take().datagram()));
                passed.incrementAndGet();
            } catch (InterruptedException e) {
                return; // the link was closed
            } catch (IOException e) {
                // the engine's port is not listening (yet, or any more): the datagram is lost, as on a network
            }
        }
    }

    private void answer() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (toEngine.isOpen()) {
            try {
                buffer.clear();
                toEngine.receive(buffer);
                buffer.flip();
                SocketAddress to = encoder;
                if (to != null) {
                    fromEncoder.send(buffer, to);
                }
            } catch (IOException e) {
                // closed, or ICMP "port unreachable" while the engine's listener restarts: look again
            }
        }
    }

    @Override
    public void close() {
        try (fromEncoder; toEngine) {
            sender.interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            joinQuietly(receiver);
            joinQuietly(sender);
            joinQuietly(answerer);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
