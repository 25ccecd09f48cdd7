package io.lunora.engine.ingest;

import java.time.Duration;

/** What the switcher needs to know of an input's signal, judged by its media, not by how evenly packets arrive. */
public interface InputSignal {
    /** How long the input has had nothing to play; zero while it plays; since it started when it never delivered. */
    Duration starvedFor();

    /** How long the input has played without a dry spell; zero while it is starved. */
    Duration steadyFor();
}
