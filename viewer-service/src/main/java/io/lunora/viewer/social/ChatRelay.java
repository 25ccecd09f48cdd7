package io.lunora.viewer.social;

import io.lunora.support.problem.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings chat posted on other instances of viewer-service (AWS runs two or more behind the load
 * balancer) to the players connected here: for each stream someone listens to on this instance, it
 * reads the messages of the last {@link #WINDOW} from the stream index every
 * {@code lunora.viewer.chat-sync-interval} (500 ms). The window covers the index's replication lag
 * and clock skew between instances; subscribers drop what they already got. Reads are proportional
 * to the chat rate of listened streams, nothing is read for streams nobody here listens to.
 */
@Component
class ChatRelay {
    static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int MAX_PER_READ = ChatHub.REMEMBERED;
    private static final Logger log = LoggerFactory.getLogger(ChatRelay.class);

    private final ChatHub hub;
    private final MessageStore messages;
    private final Clock clock;

    ChatRelay(ChatHub hub, MessageStore messages, Clock clock) {
        this.hub = hub;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lunora.viewer.chat-sync-interval:500ms}")
    void relay() {
        Instant after = clock.instant().minus(WINDOW);
        for (String streamId : hub.listenedStreams()) {
            try {
                messages.after(streamId, "chat", after, MAX_PER_READ).forEach(m -> hub.publish(MessageView.of(m)));
            } catch (StorageUnavailableException e) {
                log.warn("chat of stream {} not relayed this round: {}", streamId, e.getClass().getSimpleName());
            }
        }
    }
}
