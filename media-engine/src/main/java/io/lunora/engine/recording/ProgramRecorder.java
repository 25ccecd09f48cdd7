package io.lunora.engine.recording;

import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the program as it is, without decoding: MPEG-TS files of about {@code segment} length,
 * each cut at a video keyframe and opened with the program's PAT and PMT, so every file plays on
 * its own. The program already has one fixed set of PIDs across input switches. Writing happens
 * on the recorder's own thread; the switcher only queues packets.
 */
public final class ProgramRecorder implements Consumer<byte[]>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProgramRecorder.class);
    private static final byte[] END = new byte[0];

    private final Path folder;
    private final long segmentNanos;
    private final ProgramBus program;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(25_000);
    private final Thread writer;
    private byte[] pat;
    private byte[] pmt;
    private OutputStream file;
    private long fileStartedNanos;
    private int files;
    /** Read by the status API while the writer thread adds to it. */
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

    public ProgramRecorder(Path folder, Duration segment, ProgramBus program) {
        this.folder = folder;
        this.segmentNanos = segment.toNanos();
        this.program = program;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the recording folder", e);
        }
        this.writer = Thread.ofVirtual().name("recorder").start(this::write);
        program.addReader(this);
    }

    @Override
    public void accept(byte[] packet) {
        if (!queue.offer(packet)) {
            log.debug("recording queue full, packet dropped");
        }
    }

    private void write() {
        try {
            for (byte[] packet = queue.take(); packet != END; packet = queue.take()) {
                int pid = TsPacket.pid(packet);
                if (pid == TsPacket.PAT_PID) {
                    pat = packet;
                } else if (pid == ProgramTables.PMT_PID) {
                    pmt = packet;
                } else if (pid == ProgramTables.VIDEO_PID && TsPacket.randomAccess(packet) && pat != null && pmt != null
                        && (file == null || System.nanoTime() - fileStartedNanos >= segmentNanos)) {
                    next();
                }
                if (file != null) {
                    file.write(packet);
                    bytes.addAndGet(packet.length);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("recording stopped: {}", e.getClass().getSimpleName());
        } finally {
            closeFile();
        }
    }

    private void next() throws IOException {
        closeFile();
        files++;
        file = new BufferedOutputStream(Files.newOutputStream(folder.resolve(String.format(RecordingFolders.FILE_PATTERN, files))),
                64 * TsPacket.SIZE);
        fileStartedNanos = System.nanoTime();
        file.write(pat);
        file.write(pmt);
        bytes.addAndGet(pat.length + pmt.length);
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                log.warn("recording file not closed cleanly: {}", e.getClass().getSimpleName());
            }
            file = null;
        }
    }

    /** What has been handed to the files so far (some may still sit in the write buffer). */
    public long bytesWritten() {
        return bytes.get();
    }

    public Path folder() {
        return folder;
    }

    /** Stops recording and finishes the current file. */
    @Override
    public void close() {
        program.removeReader(this);
        try {
            if (!queue.offer(END, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                writer.interrupt();
            }
            writer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
