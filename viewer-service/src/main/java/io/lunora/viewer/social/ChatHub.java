package io.lunora.viewer.social;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans chat messages out to the players watching a stream over Server-Sent Events. Each
 * subscriber carries its viewer's block list, so a blocked author's messages never reach the
 * blocker. Messages posted on this instance are delivered at once; {@link ChatRelay} brings those
 * posted on other instances. Each subscriber remembers what it was sent, so a message reaching it
 * twice (backlog, local post, relay) is delivered once.
 */
@Component
class ChatHub {
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    /** Message ids one subscriber remembers; more than any relay window holds. */
    static final int REMEMBERED = 500;

    /** One open connection. */
    static final class Subscriber {
        final String viewerId;
        final SseEmitter emitter;
        volatile Set<String> blocked;
        private final Set<String> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        });

        Subscriber(String viewerId, SseEmitter emitter, Set<String> blocked) {
            this.viewerId = viewerId;
            this.emitter = emitter;
            this.blocked = Set.copyOf(blocked);
        }

        /** True the first time {@code messageId} is offered to this subscriber. */
        synchronized boolean firstTime(String messageId) {
            return sent.add(messageId);
        }
    }

    private final Map<String, Set<Subscriber>> byStream = new ConcurrentHashMap<>();

    SseEmitter subscribe(String streamId, String viewerId, Set<String> blocked, List<MessageView> backlog) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(viewerId, emitter, blocked);
        Set<Subscriber> subscribers = byStream.computeIfAbsent(streamId, k -> new CopyOnWriteArraySet<>());
        Runnable remove = () -> subscribers.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            for (MessageView m : backlog) {
                subscriber.firstTime(m.messageId());
                emitter.send(SseEmitter.event().name("message").id(m.messageId()).data(m, MediaType.APPLICATION_JSON));
            }
        } catch (IOException gone) {
            emitter.completeWithError(gone);
            return emitter;
        }
        subscribers.add(subscriber);
        return emitter;
    }

    void publish(MessageView message) {
        for (Subscriber s : byStream.getOrDefault(message.streamId(), Set.of())) {
            if (!s.blocked.contains(message.authorId()) && s.firstTime(message.messageId())) {
                send(message.streamId(), s, SseEmitter.event().name("message").id(message.messageId())
                        .data(message, MediaType.APPLICATION_JSON));
            }
        }
    }

    /** Tells open players to drop a message a moderator removed. */
    void retract(String streamId, String messageId) {
        for (Subscriber s : byStream.getOrDefault(streamId, Set.of())) {
            send(streamId, s, SseEmitter.event().name("removed").data(Map.of("message_id", messageId), MediaType.APPLICATION_JSON));
        }
    }

    void updateBlocked(String viewerId, Set<String> blocked) {
        byStream.values().forEach(set -> set.stream().filter(s -> s.viewerId.equals(viewerId))
                .forEach(s -> s.blocked = Set.copyOf(blocked)));
    }

    /** The streams someone on this instance is listening to. */
    Set<String> listenedStreams() {
        Set<String> streams = new HashSet<>();
        byStream.forEach((streamId, set) -> {
            if (!set.isEmpty()) {
                streams.add(streamId);
            }
        });
        return streams;
    }

    int subscribers(String streamId) {
        return byStream.getOrDefault(streamId, Set.of()).size();
    }

    /** A comment line every 20 s keeps idle connections open through proxies and finds dead ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        byStream.forEach((streamId, set) -> set.forEach(s -> send(streamId, s, SseEmitter.event().comment("keepalive"))));
    }

    private void send(String streamId, Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            byStream.getOrDefault(streamId, Set.of()).remove(s);
        }
    }
}
