package io.lunora.engine.workload;

/**
 * How a workload will start one destination, decided on its run loop. {@link #prepare()} runs
 * between the two steps, off the loop: probing a passthrough source takes up to a few seconds,
 * which the loop (and so the organization's status and every other command) never waits for.
 */
public interface OutputPlan {

    /** The destination already runs as asked: the start changes nothing. */
    boolean unchanged();

    /** Work that may block for seconds; runs off the run loop, before {@link Workload#startOutput}. */
    default void prepare() {
    }
}
