package io.lunora.engine.relay;

import io.lunora.engine.workload.WorkloadResources;
import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.rendition.Rendition;
import io.lunora.engine.rendition.TsFanOut;
import io.lunora.model.media.InputStatus;

/**
 * One rendition of a relay: an SRT listener on its own port where MediaLive (or any caller)
 * sends the preset's encoded stream, and the fan-out its pushers copy from. A changed latency or
 * passphrase restarts only the listener: the fan-out, and so the pushers, stay.
 */
final class RelayRendition implements Rendition, AutoCloseable {
    private final String presetId;
    private final int port;
    private final WorkloadResources resources;
    private final TsFanOut output = new TsFanOut();
    private final RenditionIngest ingest;
    private SrtInputSettings settings;
    private SrtInput input;

    /** @param reconnected called when the caller connects again after an earlier connection delivered */
    RelayRendition(String presetId, int port, WorkloadResources resources, Runnable reconnected) {
        this.presetId = presetId;
        this.port = port;
        this.resources = resources;
        this.ingest = new RenditionIngest(output, reconnected);
    }

    /** Listens with these settings; the same settings again change nothing. */
    synchronized void listen(int latencyMs, String passphrase, Integer keyLength) {
        SrtInputSettings wanted = new SrtInputSettings(presetId, true, resources.properties().relay().bindAddress(), port,
                latencyMs, passphrase, passphrase == null ? null : keyLength, null);
        if (wanted.equals(settings)) {
            return;
        }
        if (input != null) {
            input.close();
        }
        settings = wanted;
        // no jitter buffer: a relay copies what MediaLive paced already, and its pushers need no clock of their own
        input = new SrtInput(wanted, resources.ffmpeg(), resources.pool(), ingest, java.time.Duration.ZERO);
        input.start();
    }

    String presetId() {
        return presetId;
    }

    int port() {
        return port;
    }

    @Override
    public String label() {
        return presetId;
    }

    @Override
    public TsFanOut output() {
        return output;
    }

    synchronized InputStatus status() {
        return input.status();
    }

    @Override
    public synchronized void close() {
        if (input != null) {
            input.close();
        }
    }
}
