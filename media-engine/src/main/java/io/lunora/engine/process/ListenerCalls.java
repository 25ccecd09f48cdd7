package io.lunora.engine.process;

import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls to one child's listener: made one at a time in the order they were queued, but never
 * under the child's lock. A change of the child queues its call while it holds the lock, so the
 * order is the order of the changes; after the lock is released, the thread that made the change
 * delivers the queue, unless another thread is delivering already and then delivers this call too.
 * A listener that blocks so delays only the later calls to itself, never a caller of the child.
 */
final class ListenerCalls {
    private static final Logger log = LoggerFactory.getLogger(ListenerCalls.class);

    private final String child;
    private final Queue<Runnable> queued = new ArrayDeque<>(); // guarded by this
    private boolean delivering; // guarded by this

    ListenerCalls(String child) {
        this.child = child;
    }

    synchronized void queue(Runnable call) {
        queued.add(call);
    }

    /** Makes the queued calls, unless another thread is making them (a listener that calls back included). */
    void deliver() {
        synchronized (this) {
            if (delivering) {
                return;
            }
            delivering = true;
        }
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queued.poll();
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // the child's supervision goes on: its owner hears the next change all the same
                log.warn("{}: a listener failed", child, e);
            }
        }
    }
}
