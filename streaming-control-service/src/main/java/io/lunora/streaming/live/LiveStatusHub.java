package io.lunora.streaming.live;

import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.security.Caller;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of live session state, per organization. Each change of a session is sent
 * as a {@code session} event to every open browser of its organization whose user may see it (its
 * owner and the admins, {@link Caller#mayAccess}); idle connections get a
 * comment every 15 s so proxies keep them open. The session last sent to an organization is kept,
 * so that live figures can be sent to those who watch it without reading the store.
 */
@Component
public class LiveStatusHub implements SmartLifecycle {
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, StreamSession> lastSent = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean running;

    public LiveStatusHub(Clock clock) {
        this.clock = clock;
    }

    /** One open browser and who it belongs to. */
    private record Subscriber(SseEmitter emitter, Caller caller) {
    }

    /** @param current the open session the caller may see, or null */
    public SseEmitter subscribe(Caller caller, StreamSession current) {
        String organizationId = caller.requireOrganization();
        Subscriber subscriber = new Subscriber(new SseEmitter(0L), caller);
        List<Subscriber> list = subscribers.computeIfAbsent(organizationId, k -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        subscriber.emitter().onCompletion(() -> list.remove(subscriber));
        subscriber.emitter().onTimeout(() -> list.remove(subscriber));
        subscriber.emitter().onError(e -> list.remove(subscriber));
        if (current != null) {
            lastSent.put(organizationId, current);
        }
        send(subscriber, current, list);
        return subscriber.emitter();
    }

    public void publish(StreamSession session) {
        lastSent.put(session.organizationId(), session);
        List<Subscriber> list = subscribers.getOrDefault(session.organizationId(), List.of());
        for (Subscriber subscriber : list) {
            if (subscriber.caller().mayAccess(session.startedById())) {
                send(subscriber, session, list);
            }
        }
    }

    /**
     * Sends {@code data} as an event named {@code name} to every open browser of the organization
     * whose user {@code mayReceive} it, e.g. the alert centre's {@code alert}.
     */
    public void publishToOrganization(String organizationId, String name, Object data,
            java.util.function.Predicate<Caller> mayReceive) {
        List<Subscriber> list = subscribers.getOrDefault(organizationId, List.of());
        for (Subscriber subscriber : list) {
            if (!mayReceive.test(subscriber.caller())) {
                continue;
            }
            try {
                subscriber.emitter().send(SseEmitter.event().name(name).data(data));
            } catch (IOException | IllegalStateException gone) {
                list.remove(subscriber);
            }
        }
    }

    /** The open session of every organization that at least one browser watches, as last sent. */
    public List<StreamSession> watchedOpenSessions() {
        return lastSent.values().stream()
                .filter(s -> s.status().isOpen() && !subscribers.getOrDefault(s.organizationId(), List.of()).isEmpty())
                .toList();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise
     * wait its whole timeout for these never-ending responses; browsers reconnect by themselves.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(list -> {
            list.forEach(s -> s.emitter().complete());
            list.clear();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedRate = 15_000)
    void keepAlive() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                list.remove(subscriber);
            }
        }));
    }

    private void send(Subscriber subscriber, StreamSession session, List<Subscriber> list) {
        try {
            subscriber.emitter().send(SseEmitter.event().name("session")
                    .data(session == null ? Map.of("status", "none") : LiveSessionEvent.of(session, clock.instant())));
        } catch (IOException | IllegalStateException gone) {
            list.remove(subscriber);
        }
    }
}
