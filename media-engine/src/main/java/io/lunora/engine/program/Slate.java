package io.lunora.engine.program;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ingest.PacketSink;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.TsPacket;
import io.lunora.engine.ts.TsReader;
import io.lunora.model.media.SwitchEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The slate ("Back in a moment": viewers see it when the signal is lost and when an operator pauses
 * the program, so it names neither): an FFmpeg generating it in real time as H.264 + AAC in MPEG-TS
 * (the codecs of a typical source), every frame a keyframe so that the switcher can cut to it at
 * once. It runs for the channel's whole life; the switcher drops its packets unless it is on air.
 */
public final class Slate implements AutoCloseable {
    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
            Path.of("C:/Windows/Fonts/arialbd.ttf"));

    private final ChildProcess child;

    public Slate(int width, int height, int fps, Ffmpeg ffmpeg, ChildPool pool, PacketSink sink) {
        this.child = pool.create(new ChildSpec("slate", ffmpeg.command(arguments(width, height, fps, font())),
                ffmpeg.environment(), Backoff.standard()), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        Thread.ofVirtual().name("slate").start(() -> read(new TsReader(process.getInputStream()), sink));
                    }
                });
    }

    /** A bold sans font when the machine has one; without it the slate is a plain card. */
    static Optional<Path> font() {
        return FONTS.stream().filter(Files::isReadable).findFirst();
    }

    static List<String> arguments(int width, int height, int fps, Optional<Path> font) {
        String picture = "color=c=0x1b2a3a:s=" + width + "x" + height + ":r=" + fps
                + font.map(f -> ",drawtext=fontfile='" + f.toString().replace(":", "\\:")
                        + "':text='Back in a moment':fontcolor=white:fontsize=h/9:x=(w-text_w)/2:y=(h-text_h)/2").orElse("");
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "warning", "-nostats",
                "-re", "-f", "lavfi", "-i", picture,
                "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "1", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k",
                "-f", "mpegts", "pipe:1"));
        return args;
    }

    private static void read(TsReader reader, PacketSink sink) {
        PsiReader tables = new PsiReader();
        byte[] packet = new byte[TsPacket.SIZE];
        try {
            while (reader.next(packet)) {
                tables.accept(packet);
                if (tables.layout().isPresent() && !tables.isTable(TsPacket.pid(packet))) {
                    sink.accept(SwitchEvent.SLATE, packet, tables.layout().get());
                }
            }
        } catch (IOException closed) {
            // the slate was stopped
        }
    }

    public void start() {
        child.start();
    }

    @Override
    public void close() {
        child.stop().join();
    }
}
