package io.lunora.engine.reality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's network stand-in does what the reality suite relies on: passes, delays, reorders, loses, answers back. */
class ImpairedLinkTest {

    @Test
    void shouldDelayReorderAndLoseTheEncodersDatagramsAndPassTheAnswersBack() throws Exception {
        try (DatagramChannel engine = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DatagramChannel encoder = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                ImpairedLink link = new ImpairedLink("127.0.0.1", ((InetSocketAddress) engine.getLocalAddress()).getPort())) {
            InetSocketAddress linkAddress = new InetSocketAddress("127.0.0.1", link.port());
            engine.configureBlocking(true);

            encoder.send(ByteBuffer.allocate(8).putLong(0, -1), linkAddress);
            ByteBuffer first = ByteBuffer.allocate(8);
            var from = engine.receive(first);
            engine.send(ByteBuffer.wrap("ack".getBytes()), from);
            ByteBuffer answer = ByteBuffer.allocate(8);
            encoder.receive(answer);
            assertThat(new String(answer.array(), 0, answer.position())).as("untouched until impaired, both ways").isEqualTo("ack");

            link.impair(new ImpairedLink.Impairment(Duration.ofMillis(20), Duration.ofMillis(10), 0.05));
            int sent = 2_000;
            List<Long> order = new ArrayList<>();
            List<Long> delays = new ArrayList<>();
            engine.configureBlocking(false);
            Thread reader = Thread.ofPlatform().start(() -> { // reads while the encoder sends: a socket buffer holds only a few hundred
                ByteBuffer datagram = ByteBuffer.allocate(16);
                long quietSince = System.nanoTime();
                try {
                    while (System.nanoTime() - quietSince < Duration.ofMillis(500).toNanos()) {
                        datagram.clear();
                        if (engine.receive(datagram) == null) {
                            Thread.sleep(0, 200_000);
                            continue;
                        }
                        quietSince = System.nanoTime();
                        order.add(datagram.getLong(0));
                        delays.add(System.nanoTime() - datagram.getLong(8));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (long i = 0; i < sent; i++) {
                encoder.send(ByteBuffer.allocate(16).putLong(0, i).putLong(8, System.nanoTime()), linkAddress);
                if (i % 10 == 0) {
                    Thread.sleep(1);
                }
            }
            reader.join(Duration.ofSeconds(10));
            long reordered = 0;
            for (int i = 1; i < order.size(); i++) {
                reordered += order.get(i) < order.get(i - 1) ? 1 : 0;
            }
            double meanDelayMs = delays.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            assertThat(link.lost()).as("about 5 %% of %d lost", sent).isBetween(40L, 170L);
            assertThat(order).as("the rest arrives").hasSize((int) (sent - link.lost()));
            assertThat(reordered).as("jitter reorders datagrams").isGreaterThan(50);
            assertThat(meanDelayMs).as("mean delay, ms").isBetween(15.0, 80.0);
        }
    }
}
