package io.lunora.engine.events;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The engine's Server-Sent Events: output state changes and input switches of every channel.
 * Events are queued and sent from one thread of their own, so the switcher and the child
 * processes that report them never wait on a slow subscriber. Idle streams get a comment every
 * 15 s; all streams are completed when the engine stops, so they never hold up shutdown.
 */
@Component
public class EngineEvents implements SmartLifecycle {
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private Thread sender;

    /** What an output's state change looks like on the wire. */
    public record OutputEvent(String organizationId, String time, String destinationId, String state, String lastError) {
    }

    /** What a switch of the program's source looks like on the wire. */
    public record SwitchEvent(String organizationId, String time, String from, String to, String reason) {
    }

    private record Pending(String name, Object data) {
    }

    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        try {
            // opens the response at once, so the subscriber knows it is connected
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
        }
        return emitter;
    }

    public void output(OutputEvent event) {
        queue.offer(new Pending("output", event));
    }

    public void switched(SwitchEvent event) {
        queue.offer(new Pending("switch", event));
    }

    private void send() {
        try {
            while (running) {
                Pending next = queue.take();
                for (SseEmitter emitter : subscribers) {
                    try {
                        emitter.send(SseEmitter.event().name(next.name()).data(next.data()));
                    } catch (IOException | IllegalStateException gone) {
                        subscribers.remove(emitter);
                    }
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    void keepAlive() {
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofVirtual().name("engine-events").start(this::send);
    }

    /** Ends every open stream before the web server's graceful shutdown; subscribers reconnect by themselves. */
    @Override
    public void stop() {
        running = false;
        if (sender != null) {
            sender.interrupt();
        }
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
