package io.lunora.engine.reality;

import static io.lunora.engine.reality.RealityRig.CHANNEL;
import static io.lunora.engine.reality.RealityRig.ORG;
import static io.lunora.engine.reality.RealityRig.await;
import static io.lunora.engine.testing.ChannelBodies.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.testing.EngineApi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Inputs before going live (issue 12): the organization's inputs run with no session, so encoders
 * that are not this project's (Debian's FFmpeg, GStreamer's srtsink) connect and show their health
 * and a preview picture; a session then starts on the warm inputs and its first frame reaches an
 * nginx receiver within 3 s; ending the session leaves the inputs connected and nothing else
 * running. What the receiver got is read from its recording, not from the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmInputsTest {
    private RealityRig rig;

    @BeforeAll
    void startTheRig() {
        rig = new RealityRig(RealityRig.tempFolder("warm-inputs"));
    }

    @AfterAll
    void stopTheRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowEachEncodersHealthAndPictureWithNoSessionRunning() throws IOException {
        String inputs = rig.channelBody("session-warm").replaceFirst("(?s)^.*\"inputs\":(\\{.*\\})\\}\\s*$", "$1");
        assertThat(rig.api.put(CHANNEL + "/inputs", inputs).status()).isEqualTo(204);
        assertThat(rig.status().path("kind").asString()).isEqualTo("standby");

        rig.startPrimary();
        rig.startSecondary();
        await(Duration.ofSeconds(30), () -> rig.inputConnected("primary") && rig.inputConnected("secondary"),
                "both encoders connected with no session");
        await(Duration.ofSeconds(5), () -> java.util.stream.StreamSupport.stream(rig.status().path("inputs")
                .spliterator(), false).allMatch(i -> i.path("bitrate_kbps").asLong() > 0), "a bitrate per input");

        JsonNode status = rig.status();
        assertThat(status.path("running").asBoolean()).as("no session runs").isFalse();
        assertThat(status.path("kind").asString()).isEqualTo("standby");
        assertThat(status.path("encoders")).as("nothing is encoded before a session").isEmpty();
        for (JsonNode input : status.path("inputs")) {
            assertThat(input.path("bitrate_kbps").asLong()).as(input.path("input").asString() + " bitrate")
                    .isPositive();
            assertThat(input.path("last_packet_age_ms").asLong()).isBetween(0L, 1000L);
        }
        assertThat(Files.exists(rig.data.resolve("engine/hls/" + ORG))).as("no HLS before a session").isFalse();

        for (String input : List.of("primary", "secondary")) {
            BufferedImage[] picture = new BufferedImage[1];
            await(Duration.ofSeconds(40), () -> (picture[0] = preview(input)) != null, input + " preview picture");
            assertThat(picture[0].getWidth()).isEqualTo(640);
        }
        // each preview is its own encoder's picture (see Picture): testsrc2's red-magenta, the bars' light grey
        int[] primaryCorner = corner(preview("primary"));
        int[] secondaryCorner = corner(preview("secondary"));
        assertThat(primaryCorner[0] - primaryCorner[1]).as("primary corner red over green").isGreaterThan(60);
        assertThat(Math.min(secondaryCorner[0], Math.min(secondaryCorner[1], secondaryCorner[2])))
                .as("secondary corner light grey").isGreaterThanOrEqualTo(140);
        assertThat(rig.api.get(CHANNEL + "/inputs/tertiary/preview").status()).isEqualTo(400);

        // what each encoder sends, as its preview decoder read the stream (both rigs send 640x360 at 30 fps)
        for (JsonNode input : rig.status().path("inputs")) {
            JsonNode media = input.path("media");
            assertThat(media.path("video_codec").asString()).as(input.path("input").asString() + " media: " + media)
                    .isEqualTo("h264");
            assertThat(media.path("width").asInt()).isEqualTo(640);
            assertThat(media.path("height").asInt()).isEqualTo(360);
            assertThat(media.path("frame_rate").asDouble()).isEqualTo(30.0);
            assertThat(media.path("audio_codec").asString()).isEqualTo("aac");
            assertThat(media.path("sample_rate_hz").asInt()).isEqualTo(48000);
        }
    }

    @Test
    @Order(2)
    void shouldReachTheReceiverWithinThreeSecondsOfTheSessionStart() {
        long start = System.nanoTime();
        assertThat(rig.api.put(CHANNEL, rig.channelBody("session-warm")).status()).isEqualTo(204);
        FlvTail tail = rig.startOutput("dest-warm", RealityRig.SMALL_PRESET);
        await(Duration.ofSeconds(20), () -> tail.frames() > 0, "the first frame at nginx");
        long firstFrameMs = (tail.firstArrivalNanos() - start) / 1_000_000;
        Figures.note("warm inputs: session start to first frame at nginx %d ms", firstFrameMs);
        assertThat(firstFrameMs).as("start to first frame at the receiver (ms)").isLessThanOrEqualTo(3000);
        assertThat(rig.status().path("on_air").asString()).isEqualTo("primary");
        await(Duration.ofSeconds(20), () -> tail.frames() > 60, "two seconds of program at nginx");
    }

    @Test
    @Order(3)
    void shouldKeepTheInputsConnectedWhenTheSessionEndsAndStopEverythingOnDelete() {
        List<Long> sessionChildren = rig.childPids();
        long start = System.nanoTime();
        assertThat(rig.api.delete(CHANNEL + "/session").status()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        JsonNode status = rig.status();
        assertThat(status.path("kind").asString()).isEqualTo("standby");
        assertThat(status.path("outputs")).isEmpty();
        assertThat(status.path("encoders")).isEmpty();
        await(Duration.ofSeconds(10), () -> rig.inputConnected("primary") && rig.inputConnected("secondary"),
                "both inputs still connected after the session");
        List<Long> standbyChildren = rig.childPids();
        assertThat(standbyChildren).as("two inputs and their previews").hasSize(4);
        assertThat(sessionChildren).containsAll(standbyChildren);

        assertThat(rig.api.delete(CHANNEL).status()).isEqualTo(204);
        await(Duration.ofSeconds(5), () -> rig.childPids().isEmpty() && EngineChildren.childrenRunning(
                rig.engineFfmpeg()).isEmpty(), "no FFmpeg of the engine left");
    }

    /** Average R, G, B of the top-left corner (left tenth, top 4/9), where the encoders' pictures differ. */
    private static int[] corner(BufferedImage image) {
        long[] sum = new long[3];
        int w = image.getWidth() / 10;
        int h = image.getHeight() * 4 / 9;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xff;
                sum[1] += (rgb >> 8) & 0xff;
                sum[2] += rgb & 0xff;
            }
        }
        return new int[] {(int) (sum[0] / (w * h)), (int) (sum[1] / (w * h)), (int) (sum[2] / (w * h))};
    }

    private BufferedImage preview(String input) {
        HttpResponse<byte[]> answer = rig.api.fetch(CHANNEL + "/inputs/" + input + "/preview");
        if (answer.statusCode() != 200) {
            return null;
        }
        assertThat(answer.headers().firstValue("content-type")).hasValue("image/jpeg");
        try {
            return ImageIO.read(new ByteArrayInputStream(answer.body()));
        } catch (IOException e) {
            return null;
        }
    }
}
