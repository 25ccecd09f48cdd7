package io.lunora.engine.api;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.orchestration.Orchestrator;
import io.lunora.engine.recording.RecordingFolders;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.RecordingEntry;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The recordings in the engine's data folder (docs/architecture.md, "Internal endpoints"): only
 * the engine reads its folder, so streaming-control lists, downloads and deletes through here.
 * A download is the session's files one after the other: each MPEG-TS file opens with the
 * program's tables, so the whole plays as one stream.
 */
@RestController
@RequestMapping("/internal/engine/recordings/{organization}")
class RecordingController {
    static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");

    private final RecordingFolders folders;
    private final Orchestrator engine;

    RecordingController(EngineProperties properties, Orchestrator engine) {
        this.folders = RecordingFolders.of(properties.dataDir());
        this.engine = engine;
    }

    @GetMapping
    List<RecordingEntry> list(@PathVariable String organization) {
        requireName("organization", organization);
        Optional<String> writing = writing(organization);
        return folders.list(organization, id -> writing.filter(id::equals).isPresent());
    }

    /**
     * The files as they are when asked: a recording still written is cut at the sizes its files
     * had then, so the length announced is the length sent.
     */
    @GetMapping("/{session}/file")
    ResponseEntity<StreamingResponseBody> file(@PathVariable String organization, @PathVariable String session)
            throws IOException {
        requireName("organization", organization);
        requireName("session", session);
        List<Path> files = folders.files(organization, session);
        if (files.isEmpty()) {
            throw new NotFoundException("recording", session);
        }
        List<Long> sizes = new ArrayList<>();
        for (Path file : files) {
            sizes.add(Files.size(file));
        }
        long length = sizes.stream().mapToLong(Long::longValue).sum();
        StreamingResponseBody body = out -> {
            for (int i = 0; i < files.size(); i++) {
                copy(files.get(i), sizes.get(i), out);
            }
        };
        return ResponseEntity.ok().contentType(MPEG_TS).contentLength(length)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + session + ".ts\"").body(body);
    }

    /** 409 while the session records: its files are still being written. */
    @DeleteMapping("/{session}")
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable String session) {
        requireName("organization", organization);
        requireName("session", session);
        if (writing(organization).filter(session::equals).isPresent()) {
            throw new ConflictException("The recording is still being written: stop the session first.");
        }
        if (!folders.delete(organization, session)) {
            throw new NotFoundException("recording", session);
        }
        return ResponseEntity.noContent().build();
    }

    /** An id that names one folder: {@code ChannelRequest.ID}, and not {@code .} or {@code ..}. */
    private static void requireName(String field, String value) {
        ChannelController.requireId(field, value);
        if (value.matches("\\.{1,2}")) {
            throw new InvalidFieldException(field, "must name a folder, not '.' or '..'");
        }
    }

    private Optional<String> writing(String organization) {
        return Optional.ofNullable(engine.state(organization).answer().recording())
                .map(EngineStatus.Recording::sessionId);
    }

    private static void copy(Path file, long size, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long left = size;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("recording file shrank while it was sent");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
