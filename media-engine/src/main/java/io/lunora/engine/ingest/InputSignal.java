package io.lunora.engine.ingest;

import java.time.Duration;

/** What the switcher needs to know of an input's signal. */
public interface InputSignal {
    boolean deliveringWithin(Duration window);

    /** How long the input has been delivering without a gap; zero when it is not. */
    Duration uptime();
}
