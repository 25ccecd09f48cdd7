package io.lunora.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.TestSource;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.InputStatus;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrtInputTest {
    @TempDir
    Path data;
    private ChildPool pool;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong keyframes = new AtomicLong();
    private final AtomicReference<StreamLayout> layout = new AtomicReference<>();

    @BeforeEach
    void createPool() {
        pool = new ChildPool(new Redactor(), Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private SrtInput input(int port, String passphrase) {
        SrtInput input = new SrtInput(new SrtInputSettings("primary", true, "127.0.0.1", port, 120, passphrase,
                passphrase == null ? null : 16, null), Media.ffmpeg(), pool, (id, packet, streams) -> {
                    packets.incrementAndGet();
                    layout.set(streams);
                    if (streams.isVideo(TsPacket.pid(packet)) && TsPacket.randomAccess(packet)) {
                        keyframes.incrementAndGet();
                    }
                }, Duration.ofMillis(200));
        input.start();
        return input;
    }

    @Test
    void shouldRemuxAnSrtSourceAndReportItsHealth() {
        int port = FreePorts.next();
        SrtInput input = input(port, null);

        try (TestSource source = TestSource.call(port)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                InputStatus status = input.status();
                assertThat(status.connected()).isTrue();
                assertThat(status.bitrateKbps()).isBetween(200L, 1500L);
                assertThat(status.lastPacketAgeMs()).isLessThan(1000L);
                assertThat(status.uptimeSeconds()).isGreaterThanOrEqualTo(1);
            });
            assertThat(layout.get().videoType()).isEqualTo(StreamLayout.H264);
            assertThat(layout.get().audioType()).isEqualTo(StreamLayout.AAC);
            assertThat(keyframes.get()).isPositive();
            assertThat(input.status().continuityErrors()).isZero();
        }
    }

    @Test
    void shouldNoticeALostSourceAndAcceptItWhenItCallsAgain() {
        int port = FreePorts.next();
        SrtInput input = input(port, null);
        TestSource first = TestSource.call(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> input.status().connected());

        first.kill();

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(input.status().connected()).isFalse();
            assertThat(input.status().lastPacketAgeMs()).isGreaterThan(1000L);
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> input.starvedFor().compareTo(Duration.ofSeconds(1)) > 0);
        try (TestSource again = TestSource.call(port)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> input.steadyFor().isPositive());
        }
    }

    @Test
    void shouldOnlyAcceptASourceWithThePassphrase() {
        int port = FreePorts.next();
        SrtInput input = input(port, "correct-horse-battery");

        try (TestSource wrong = TestSource.call(port, "320x180", 25, "wrong-passphrase-1")) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> packets.get() == 0);
        }
        try (TestSource right = TestSource.call(port, "320x180", 25, "correct-horse-battery")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> input.status().connected());
        }
    }
}
