package io.lunora.streaming.recordings.engine;

import io.lunora.model.media.RecordingEntry;
import io.lunora.streaming.recordings.RecordingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The recordings in the local engine's data folder, through the engine's internal API: the engine
 * is the one process that reads that folder (it may run on another host or container), and the
 * one that knows which recording it still writes.
 */
public class EngineRecordingStore implements RecordingStore {
    private static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");

    private final RestClient client;
    private final RestClient downloads;

    /** @param downloads for the files: a call that lasts as long as the browser takes to read them */
    public EngineRecordingStore(RestClient client, RestClient downloads) {
        this.client = client;
        this.downloads = downloads;
    }

    @Override
    public List<StoredRecording> list(String organizationId) {
        RecordingEntry[] entries = client.get().uri("/internal/engine/recordings/{org}", organizationId)
                .retrieve().body(RecordingEntry[].class);
        return entries == null ? List.of() : Arrays.stream(entries)
                .map(e -> new StoredRecording(e.sessionId(), e.bytes(), e.firstWrittenAt(), e.lastWrittenAt(),
                        e.writing()))
                .toList();
    }

    @Override
    public void copyTo(String organizationId, String sessionId, OutputStream out) throws IOException {
        downloads.get().uri("/internal/engine/recordings/{org}/{session}/file", organizationId, sessionId)
                .accept(MPEG_TS, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        throw new RecordingNotFoundException(sessionId);
                    }
                    failUnlessOk(response.getStatusCode(), response.getStatusText(), "engine recording");
                    try (InputStream body = response.getBody()) {
                        body.transferTo(out);
                    }
                    return null;
                }, true);
    }

    @Override
    public void delete(String organizationId, String sessionId) {
        client.delete().uri("/internal/engine/recordings/{org}/{session}", organizationId, sessionId)
                .exchange((request, response) -> {
                    switch (response.getStatusCode().value()) {
                        case 404 -> throw new RecordingNotFoundException(sessionId);
                        case 409 -> throw new RecordingInUseException();
                        default -> failUnlessOk(response.getStatusCode(), response.getStatusText(),
                                "engine recording delete");
                    }
                    return null;
                });
    }

    private static void failUnlessOk(HttpStatusCode status, String text, String what) {
        if (!status.is2xxSuccessful()) {
            throw new RestClientResponseException(what, status, text, null, null, null);
        }
    }
}
