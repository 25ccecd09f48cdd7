package io.lunora.engine.loop;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's run loop: one thread that runs the component's work in order, so the state it
 * owns has one owner and needs no lock (an organization's workload, a program's switcher). Other
 * threads reach that state only through messages: a command ({@link #call}) whose caller waits up
 * to a deadline and then gets {@link EngineBusyException} (the command still runs; commands are
 * idempotent, the caller never hangs), or posted work ({@link #execute}, {@link #offer}) that
 * nobody waits for. The queue is bounded: a loop that falls behind refuses work instead of
 * growing without end. A loop may also run a periodic task of its own ({@link #ticking}).
 * <p>
 * The handoff is lock-free (a packet path posts thousands of items a second): posting never
 * blocks on the loop, and wakes the loop only when it is parked; an idle loop spins briefly
 * before it parks, so that a burst's next items do not each cost a wake-up.
 * <p>
 * Work is run by whoever holds the loop's <em>turn</em>: the loop's thread, or a poster that asked
 * to run its work here ({@link Handoff#RUN_HERE}, the packet path) and found the loop idle. One
 * holder at a time, taken and given back with an atomic flag, so the state stays single-owner
 * while an idle loop's packets cost neither a thread wake-up nor a hop: measured, waking the loop
 * for every datagram cost about a tenth of a core and, on a busy machine, up to 100 ms of queueing
 * for a core (docs/benchmarks.md). A poster runs at most what was queued when it took the turn,
 * then hands what came after to the loop's thread, so it is never held up for long.
 * <p>
 * The one place where a component's loop thread is started (an organization's, a switcher's).
 */
public final class RunLoop implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);
    /** How soon the loop's thread looks again when a poster holds the turn. */
    private static final long HOLDER_RETRY_NANOS = Duration.ofMillis(1).toNanos();
    /** How often an idle loop looks whether it was closed. */
    private static final long IDLE_CHECK_NANOS = Duration.ofMillis(100).toNanos();
    /** Spins of an idle loop before it parks: a few microseconds, about the gap between two packets of a burst. */
    private static final int SPINS = 100;
    /** How long a poster waits between looks for room in a full queue. */
    private static final long FULL_RETRY_NANOS = Duration.ofMillis(1).toNanos();

    private final String owner;
    private final int capacity;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean parked = new AtomicBoolean();
    /** Held by whoever runs the loop's work: its thread or, for {@link Handoff#RUN_HERE}, a poster. */
    private final AtomicBoolean turn = new AtomicBoolean();
    private volatile Thread holder;
    private final long tickNanos;
    private final Runnable tick;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean exited = new AtomicBoolean();
    private final Thread thread;

    /**
     * @param kind     what the loop drives, the first part of its thread's name ({@code org}, {@code switcher})
     * @param owner    whose loop it is (an organization), named in busy answers and logs
     * @param capacity how much work may wait
     */
    public RunLoop(String kind, String owner, int capacity) {
        this(kind, owner, capacity, null, null);
    }

    private RunLoop(String kind, String owner, int capacity, Duration every, Runnable tick) {
        this.owner = owner;
        this.capacity = capacity;
        this.tickNanos = every == null ? 0 : every.toNanos();
        this.tick = tick;
        this.thread = Thread.ofPlatform().name(kind + "-" + owner).daemon().start(this::loop);
    }

    /** A loop that also runs {@code tick} every {@code every}, between the work it is given. */
    public static RunLoop ticking(String kind, String owner, int capacity, Duration every, Runnable tick) {
        return new RunLoop(kind, owner, capacity, every, tick);
    }

    /**
     * Runs {@code command} on the loop and answers its result, or throws what it threw. Called on
     * the loop itself (from work it runs), it runs at once.
     *
     * @throws EngineBusyException when it has not finished within {@code deadline} (or found no room in the queue)
     * @throws LoopStoppedException when the loop was closed
     */
    public <T> T call(String name, Duration deadline, Callable<T> command) {
        if (onLoop()) {
            return callHere(command);
        }
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        FutureTask<T> task = new FutureTask<>(command);
        if (!offer(task, deadline.toNanos())) {
            if (closed.get()) {
                throw new LoopStoppedException();
            }
            throw busy(name, deadline);
        }
        try {
            if (exited.get() && remove(task)) {
                throw new LoopStoppedException(); // closed between the check and the offer
            }
            return task.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw busy(name, deadline);
        } catch (CancellationException e) {
            throw new LoopStoppedException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(name, deadline);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public void run(String name, Duration deadline, Runnable command) {
        call(name, deadline, () -> {
            command.run();
            return null;
        });
    }

    private static <T> T callHere(Callable<T> command) {
        try {
            return command.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EngineBusyException busy(String name, Duration deadline) {
        log.warn("'{}' of {} still runs after {} ms", name, owner, deadline.toMillis());
        return new EngineBusyException(owner, name, deadline);
    }

    /** Posts work without waiting for it; dropped once the loop is closed or when its queue is full. */
    @Override
    public void execute(Runnable work) {
        if (!offer(work, 0)) {
            log.debug("loop of {} closed or full: posted work dropped", owner);
        }
    }

    /** How posted work reaches the loop. */
    public enum Handoff {
        /** Wakes a parked loop for it. */
        WAKE,
        /** No wake-up (work nobody waits for): it runs at the loop's next turn, at the latest its next tick or idle check. */
        NEXT_TURN,
        /** Runs it on the posting thread when the loop is idle (with what was queued before it), otherwise wakes the loop. */
        RUN_HERE
    }

    /**
     * Posts work, waiting up to {@code waitNanos} for room in the queue (the packet path's
     * backpressure, never an unbounded wait), and wakes the loop for it.
     *
     * @return false when the loop is closed or stayed full; the work will not run
     */
    public boolean offer(Runnable work, long waitNanos) {
        return offer(work, waitNanos, Handoff.WAKE);
    }

    /** Like {@link #offer(Runnable, long)}, handed over as {@code handoff} says. */
    public boolean offer(Runnable work, long waitNanos, Handoff handoff) {
        long until = System.nanoTime() + waitNanos;
        while (!closed.get()) {
            if (queued.incrementAndGet() <= capacity) {
                queue.offer(work);
                if (handoff == Handoff.RUN_HERE && runQueuedHere()) {
                    return true;
                }
                if (handoff != Handoff.NEXT_TURN) {
                    wake();
                }
                return true;
            }
            queued.decrementAndGet();
            long left = until - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, FULL_RETRY_NANOS)); // a full queue is rare: no hand-off needed
        }
        return false;
    }

    private void wake() {
        if (parked.get()) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Takes the turn if nobody holds it and runs what is queued now; what arrives meanwhile is
     * left to the loop's thread. Whether it had the turn.
     */
    private boolean runQueuedHere() {
        if (!turn.compareAndSet(false, true)) {
            return false;
        }
        holder = Thread.currentThread();
        try {
            runQueued();
        } finally {
            holder = null;
            turn.set(false);
        }
        if (!queue.isEmpty()) {
            wake();
        }
        return true;
    }

    private boolean remove(Runnable work) {
        if (queue.remove(work)) {
            queued.decrementAndGet();
            return true;
        }
        return false;
    }

    private Runnable take() {
        Runnable work = queue.poll();
        if (work != null) {
            queued.decrementAndGet();
        }
        return work;
    }

    /** Whether the caller runs the loop's work now (on its thread, or holding its turn). */
    public boolean onLoop() {
        return holder == Thread.currentThread();
    }

    /** Takes no further work; what was queued before (a close, bounded by its own deadline) still runs. */
    @Override
    public void close() {
        closed.set(true);
        LockSupport.unpark(thread);
    }

    /** Waits up to {@code deadline} for a closed loop to finish its queued work; whether it did. */
    public boolean awaitExit(Duration deadline) {
        try {
            return thread.join(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void loop() {
        long nextTick = System.nanoTime() + tickNanos;
        while (!closed.get() || !queue.isEmpty()) {
            long wait = tick == null ? IDLE_CHECK_NANOS : Math.min(IDLE_CHECK_NANOS, nextTick - System.nanoTime());
            boolean tickDue = tick != null && !closed.get() && wait <= 0;
            if (!tickDue && !awaitWork(wait)) {
                continue;
            }
            if (!turn.compareAndSet(false, true)) {
                LockSupport.parkNanos(HOLDER_RETRY_NANOS); // a poster runs the queue now: look again shortly
                continue;
            }
            holder = thread;
            try {
                runQueued();
                if (tickDue) {
                    runSafely(tick);
                    nextTick += tickNanos;
                    if (System.nanoTime() - nextTick > 0) {
                        nextTick = System.nanoTime() + tickNanos; // fell behind: no burst of ticks to catch up
                    }
                }
            } finally {
                holder = null;
                turn.set(false);
            }
        }
        exited.set(true);
        for (Runnable late; (late = take()) != null; ) {
            if (late instanceof FutureTask<?> command) {
                command.cancel(false); // its caller answers LoopStoppedException
            }
        }
    }

    /** Waits up to {@code waitNanos} for queued work, spinning a little, then parked until posted work wakes it; whether there is some. */
    private boolean awaitWork(long waitNanos) {
        if (!queue.isEmpty()) {
            return true;
        }
        if (waitNanos <= 0) {
            return false;
        }
        for (int spin = 0; spin < SPINS; spin++) {
            Thread.onSpinWait();
            if (!queue.isEmpty()) {
                return true;
            }
        }
        parked.set(true);
        if (queue.isEmpty() && !closed.get()) { // posted between the last look and the flag: its poster may not have seen the flag
            LockSupport.parkNanos(this, waitNanos);
        }
        parked.set(false);
        return !queue.isEmpty();
    }

    /** Runs what is queued now, not what arrives meanwhile: the holder gives the turn back in bounded time. */
    private void runQueued() {
        for (int n = queued.get(); n > 0; n--) {
            Runnable work = take();
            if (work == null) {
                return;
            }
            runSafely(work);
        }
    }

    private void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("work on the loop of {} failed: {}", owner, e.toString());
        }
    }

    /** The loop was closed between the caller finding it and handing it work. */
    public static final class LoopStoppedException extends RuntimeException {
        public LoopStoppedException() {
            super(null, null, false, false);
        }
    }
}
