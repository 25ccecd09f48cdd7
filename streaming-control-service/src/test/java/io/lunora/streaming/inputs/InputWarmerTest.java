package io.lunora.streaming.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.media.ChannelRequest;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.resolve.SourceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The warmer puts inputs on the media plane when they change, after a failure, and on a slow re-warm; not every round. */
class InputWarmerTest {
    private final Map<String, ChannelRequest.Inputs> configurations = new HashMap<>();
    private final List<String> puts = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private boolean engineDown;
    private final InputWarmer warmer = new InputWarmer(new Sources(), new Engine(), Duration.ofSeconds(30), now::get);

    @Test
    void shouldPutInputsOnceUntilTheyChangeTheEngineFailedOrTheReWarmIsDue() {
        configurations.put("org-a", inputs(9001));
        configurations.put("org-b", inputs(9002));
        warmer.warmAll();
        assertThat(puts).containsExactly("org-a:9001", "org-b:9002");

        for (int round = 1; round <= 5; round++) {
            now.addAndGet(Duration.ofSeconds(5).toNanos());
            warmer.warmAll();
        }
        assertThat(puts).as("unchanged inputs are not put again every round").hasSize(2);

        configurations.put("org-b", inputs(9003));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        warmer.warmAll();
        assertThat(puts).as("org-a's re-warm came due at 30 s, org-b changed")
                .containsExactly("org-a:9001", "org-b:9002", "org-a:9001", "org-b:9003");

        engineDown = true;
        configurations.put("org-a", inputs(9004));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        warmer.warmAll();
        engineDown = false;
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        warmer.warmAll();
        assertThat(puts.subList(4, puts.size())).as("a failed put is tried again the next round")
                .containsExactly("org-a:9004");
    }

    private static ChannelRequest.Inputs inputs(int port) {
        return new ChannelRequest.Inputs("single", 5, "stay", 0,
                new ChannelRequest.Input("A", "listener", null, port, 120, null, null, null), null);
    }

    private final class Sources implements SourceSettings {
        @Override
        public ChannelRequest.Inputs current(String organizationId) {
            return configurations.get(organizationId);
        }

        @Override
        public List<String> configuredOrganizations() {
            return configurations.keySet().stream().sorted().toList();
        }
    }

    /** Records the warm calls; the warmer uses no other part of the port. */
    private final class Engine implements MediaBackend {
        @Override
        public void warmInputs(String organizationId, ChannelRequest.Inputs inputs) {
            if (engineDown) {
                throw new IllegalStateException("engine down");
            }
            puts.add(organizationId + ":" + inputs.primary().port());
        }

        @Override
        public void startChannel(ChannelRequest channel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopChannel(String organizationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> inputPreview(String organizationId, String input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void startOutput(String organizationId, OutputSpec output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopOutput(String organizationId, String destinationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChannelStatus status(String organizationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> switchTo(String organizationId, String input, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pause(String organizationId, boolean pause) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AutoCloseable subscribe(Consumer<MediaEvent> listener) {
            throw new UnsupportedOperationException();
        }
    }
}
